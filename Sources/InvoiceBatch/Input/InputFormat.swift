/// The two input formats. Chosen from the file name (`.csv`, `.tsv`, `.txt`, `.jsonl`, `.ndjson`, each optionally
/// `.gz`) or given with `--format`, which standard input (`-`) requires.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv
    case jsonl
}
