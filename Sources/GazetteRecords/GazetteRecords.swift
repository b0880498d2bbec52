// The GazetteRecords stage; see ARCHITECTURE.md.
