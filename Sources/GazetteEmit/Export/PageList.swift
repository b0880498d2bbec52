/// Page numbers as ranges: 1-3, 7, 9-10 (sorted, each page once).
public enum PageList {
    public static func compact(_ pages: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = Array(Set(pages)).sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
