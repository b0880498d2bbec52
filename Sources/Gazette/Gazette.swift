// The Gazette stage; see ARCHITECTURE.md.
