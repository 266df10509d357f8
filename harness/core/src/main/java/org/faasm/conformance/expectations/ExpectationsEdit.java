package org.faasm.conformance.expectations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faasm.conformance.spec.YamlDocument;
import org.faasm.conformance.verdict.ExpectedStatus;
import org.faasm.conformance.verdict.Status;

/**
 * An expectations file brought to a new list of entries by editing its text, so what a person wrote
 * stays: an entry kept unchanged keeps its lines (comments, anchors, aliases, layout); a dropped one
 * goes with the comment lines just above it; a changed or new one is written anew where the list puts
 * it; the text before the first entry and after the last is left alone. An anchor whose entry goes
 * moves to the first alias still using it. The result is read back, and is only used when it reads as
 * exactly the new entries.
 */
public final class ExpectationsEdit {
    private static final Pattern ANCHOR = Pattern.compile("(?:^|[\\s{,])(reason|link):\\s*&([^\\s,}]+)");

    private ExpectationsEdit() {}

    /** The edited text, or empty when the file's layout is not one this edit understands. */
    public static Optional<String> apply(String text, List<ExpectedStatus> current, List<Entry> next) {
        List<String> lines = List.of(text.split("(?<=\n)", -1));
        List<ExpectedStatus> entries = current.stream().sorted(Comparator.comparingInt(ExpectedStatus::line)).toList();
        String edited = entries.isEmpty() ? intoEmptyList(lines, next) : replaceBlocks(lines, entries, next);
        return Optional.ofNullable(edited).filter(result -> readsAs(result, next));
    }

    /** A file with no entries yet: its {@code expectations:} line becomes the new list, the rest stays. */
    private static String intoEmptyList(List<String> lines, List<Entry> next) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("expectations:")) {
                out.append(next.isEmpty() ? line : "expectations:\n");
                next.forEach(entry -> out.append(ExpectationsFile.entry(entry, "  ")));
            } else {
                out.append(line);
            }
        }
        return out.toString();
    }

    private static String replaceBlocks(List<String> lines, List<ExpectedStatus> entries, List<Entry> next) {
        int n = entries.size();
        int[] start = new int[n];
        for (int i = 0; i < n; i++) {
            int dash = entries.get(i).line() - 1;
            if (dash < 0 || dash >= lines.size() || !lines.get(dash).strip().startsWith("-")) {
                return null;
            }
            start[i] = dash;
            int floor = i == 0 ? -1 : entries.get(i - 1).line() - 1;
            while (start[i] - 1 > floor && lines.get(start[i] - 1).strip().startsWith("#")) {
                start[i]--;
            }
        }
        int lastDash = entries.get(n - 1).line() - 1;
        int indent = indent(lines.get(lastDash));
        int end = lastDash + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || indent(lines.get(end)) > indent)) {
            end++;
        }
        while (end > lastDash + 1 && lines.get(end - 1).isBlank()) {
            end--;
        }
        Map<String, Integer> byPattern = new HashMap<>();
        Map<Integer, String> blocks = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byPattern.put(entries.get(i).pattern(), i);
            blocks.put(i, String.join("", lines.subList(start[i], i + 1 < n ? start[i + 1] : end)));
        }
        Map<Integer, String> kept = new LinkedHashMap<>();
        List<String> body = new ArrayList<>();
        for (Entry entry : next) {
            Integer i = byPattern.get(entry.spec());
            if (i != null && Entry.from(entries.get(i)).equals(entry)) {
                kept.put(i, blocks.get(i));
                body.add("\u0000" + i); // filled in once anchors have moved
            } else {
                body.add(ExpectationsFile.entry(entry, " ".repeat(indent(lines.get(entries.get(0).line() - 1)))));
            }
        }
        moveAnchors(entries, blocks, kept);
        StringBuilder out = new StringBuilder(String.join("", lines.subList(0, start[0])));
        body.forEach(block -> out.append(block.startsWith("\u0000") ? kept.get(Integer.parseInt(block.substring(1))) : block));
        return out.append(String.join("", lines.subList(end, lines.size()))).toString();
    }

    /** An anchor defined in a block that goes is given to the first kept block that aliases it. */
    private static void moveAnchors(List<ExpectedStatus> entries, Map<Integer, String> blocks, Map<Integer, String> kept) {
        for (int i = 0; i < entries.size(); i++) {
            if (kept.containsKey(i)) {
                continue;
            }
            Matcher anchor = ANCHOR.matcher(blocks.get(i));
            while (anchor.find()) {
                String value = anchor.group(1).equals("reason") ? entries.get(i).reason() : entries.get(i).link().orElse("");
                Pattern alias = Pattern.compile("\\*" + Pattern.quote(anchor.group(2)) + "(?=[\\s,}]|$)");
                kept.entrySet().stream().filter(k -> alias.matcher(k.getValue()).find()).findFirst().ifPresent(k -> k.setValue(
                        alias.matcher(k.getValue()).replaceFirst(Matcher.quoteReplacement(
                                "&" + anchor.group(2) + " " + ExpectationsFile.quote(value)))));
            }
        }
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static boolean readsAs(String text, List<Entry> next) {
        try {
            JsonNode list = YamlDocument.parse(text).root().path("expectations");
            List<Entry> read = new ArrayList<>();
            for (JsonNode node : list) {
                read.add(new Entry(node.path("spec").asText(), Status.valueOf(node.path("status").asText()),
                        node.path("reason").asText().strip(), Optional.ofNullable(node.get("link")).map(JsonNode::asText)));
            }
            return list.isArray() && read.equals(next);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return false;
        }
    }
}
