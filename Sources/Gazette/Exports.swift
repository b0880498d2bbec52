// The Gazette library: the pipeline, and every stage's public types.
@_exported import GazetteEmit
@_exported import GazetteLayout
@_exported import GazetteNormalise
@_exported import GazetteOCR
@_exported import GazetteRead
@_exported import GazetteRecords
@_exported import GazetteTables
