package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The report's link to a PIT report (the profile {@code -Pmutation}) when one exists: its page, relative
 * to the report, its counts, and each survivor with the reason {@link PitSurvivorReasons} gives for it,
 * read from PIT's {@code mutations.xml} as a stream. Where it is looked for: the folder named by
 * {@value #FOLDER_PROPERTY}, else {@code pit-reports} beside the report's folder (where the profile
 * writes it under Maven). At most {@value #MAX_SURVIVORS} survivors are listed (harness/docs/limits.md).
 */
final class PitSummary {
    static final String FOLDER_PROPERTY = "conformance.pitReports";
    static final int MAX_SURVIVORS = 500;

    private PitSummary() {}

    static Optional<ObjectNode> beside(Path reportFolder) throws IOException {
        Path pit = Optional.ofNullable(System.getProperty(FOLDER_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(reportFolder.toAbsolutePath().resolveSibling("pit-reports"));
        Path page = pit.resolve("index.html");
        Path xml = pit.resolve("mutations.xml");
        if (!Files.isRegularFile(page) || !Files.isRegularFile(xml)) {
            return Optional.empty();
        }
        Map<String, Integer> statuses = new TreeMap<>();
        List<PitSurvivor> survivors = new ArrayList<>();
        read(xml, statuses, survivors);
        int mutations = statuses.values().stream().mapToInt(Integer::intValue).sum();
        int reached = mutations - statuses.getOrDefault("NO_COVERAGE", 0);
        int killed = reached - statuses.getOrDefault("SURVIVED", 0);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("report", reportFolder.toAbsolutePath().relativize(page.toAbsolutePath()).toString().replace('\\', '/'));
        node.put("mutations", mutations);
        node.put("reached", reached);
        node.put("killed", killed);
        node.put("score", reached == 0 ? 0 : Math.round(killed * 1000.0 / reached) / 10.0);
        statuses.forEach(node.putObject("statuses")::put);
        PitSurvivorReasons reasons = PitSurvivorReasons.find();
        ArrayNode listed = node.putArray("survivors");
        int unexplained = 0;
        for (PitSurvivor survivor : survivors) {
            Optional<String> reason = reasons.reasonFor(survivor);
            unexplained += reason.isEmpty() ? 1 : 0;
            if (listed.size() < MAX_SURVIVORS) {
                ObjectNode entry = listed.addObject().put("class", survivor.className()).put("method", survivor.method())
                        .put("line", survivor.line()).put("mutator", survivor.mutator()).put("description", survivor.description());
                reason.ifPresent(r -> entry.put("reason", r));
            }
        }
        node.put("unexplained", unexplained);
        return Optional.of(node);
    }

    /** Counts each status (KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT, …) and collects the survivors. */
    private static void read(Path xml, Map<String, Integer> statuses, List<PitSurvivor> survivors) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(xml)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            Map<String, String> fields = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamReader.START_ELEMENT && reader.getLocalName().equals("mutation")) {
                    String status = reader.getAttributeValue(null, "status");
                    statuses.merge(status == null ? "UNKNOWN" : status, 1, Integer::sum);
                    fields = "SURVIVED".equals(status) ? new HashMap<>() : null;
                } else if (event == XMLStreamReader.START_ELEMENT && fields != null && SURVIVOR_FIELDS.contains(reader.getLocalName())) {
                    fields.put(reader.getLocalName(), reader.getElementText());
                } else if (event == XMLStreamReader.END_ELEMENT && fields != null && reader.getLocalName().equals("mutation")) {
                    survivors.add(survivor(fields));
                    fields = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(xml + " is not PIT's mutations.xml: " + e.getMessage(), e);
        }
    }

    private static final List<String> SURVIVOR_FIELDS = List.of("mutatedClass", "mutatedMethod", "lineNumber", "mutator", "description");

    private static PitSurvivor survivor(Map<String, String> fields) {
        String mutator = fields.getOrDefault("mutator", "");
        int line;
        try {
            line = Integer.parseInt(fields.getOrDefault("lineNumber", "0").trim());
        } catch (NumberFormatException e) {
            line = 0;
        }
        return new PitSurvivor(fields.getOrDefault("mutatedClass", "?"), fields.getOrDefault("mutatedMethod", "?"), line,
                mutator.substring(mutator.lastIndexOf('.') + 1), fields.getOrDefault("description", ""));
    }
}
