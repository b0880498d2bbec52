// The GazetteNormalise stage; see ARCHITECTURE.md.
