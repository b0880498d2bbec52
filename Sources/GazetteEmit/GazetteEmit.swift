// The GazetteEmit stage; see ARCHITECTURE.md.
