// The GazetteLayout stage; see ARCHITECTURE.md.
