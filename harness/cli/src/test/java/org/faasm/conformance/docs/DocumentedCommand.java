package org.faasm.conformance.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line as a page of the documentation shows it in a {@code sh} block: its text without the comment,
 * its words as a POSIX shell splits them ({@code '…'}, {@code "…"}, a {@code \} at the end of a line, a
 * {@code #} comment), and the exit code the comment promises ({@code # … exits 2 …}; 0 unless it says).
 */
public record DocumentedCommand(String where, String text, List<String> words, int exitCode) {
    private static final Pattern EXITS = Pattern.compile("\\bexits ([0-9]+)\\b");

    /** The commands of every {@code sh} block of a Markdown page, in page order. */
    static List<DocumentedCommand> read(Path root, Path page) throws IOException {
        List<DocumentedCommand> commands = new ArrayList<>();
        List<String> lines = Files.readAllLines(page);
        String name = root.relativize(page).toString();
        boolean inShell = false;
        StringBuilder pending = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.startsWith("```")) {
                inShell = !inShell && raw.strip().equals("```sh");
                continue;
            }
            if (!inShell) {
                continue;
            }
            if (pending.isEmpty()) {
                start = i + 1;
            }
            if (raw.endsWith("\\")) {
                pending.append(raw, 0, raw.length() - 1).append(' ');
                continue;
            }
            pending.append(raw);
            String line = pending.toString().strip();
            pending.setLength(0);
            int comment = commentStart(line);
            String text = line.substring(0, comment).strip();
            Matcher exits = EXITS.matcher(line.substring(comment));
            if (!text.isEmpty()) {
                commands.add(new DocumentedCommand(name + ":" + start, text, split(text), exits.find() ? Integer.parseInt(exits.group(1)) : 0));
            }
        }
        return commands;
    }

    /** The command's {@code -Dname=value} words (Maven's user properties), in order. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String word : words) {
            if (word.startsWith("-D")) {
                int equals = word.indexOf('=');
                properties.put(word.substring(2, equals < 0 ? word.length() : equals), equals < 0 ? "true" : word.substring(equals + 1));
            }
        }
        return properties;
    }

    boolean isMaven(String goal) {
        return words.get(0).equals("mvn") && words.contains(goal);
    }

    /** The arguments {@code exec:java} hands the main class: {@code exec.args} split as the exec plugin splits it, else the pom's {@code run}. */
    List<String> execArguments() {
        return split(Optional.ofNullable(properties().get("exec.args")).orElse("run"));
    }

    /** Where the line's comment starts: the first {@code #} outside quotes that begins a word (its length if none). */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return line.length();
    }

    /** Words as a POSIX shell makes them; {@code $PWD} stays for {@link #inFolder} to expand. */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed " + c + " in: " + text);
                }
                word.append(text, i + 1, close);
                i = close;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** This command with {@code $PWD} expanded as a shell started in {@code folder} would. */
    DocumentedCommand inFolder(Path folder) {
        return new DocumentedCommand(where, text, words.stream().map(w -> w.replace("$PWD", folder.toString())).toList(), exitCode);
    }

    @Override
    public String toString() {
        return where + ": " + text;
    }
}
