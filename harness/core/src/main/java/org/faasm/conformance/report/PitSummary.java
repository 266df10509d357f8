package org.faasm.conformance.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The report's link to a PIT report (the profile {@code -Pmutation}) when one exists: its page, relative
 * to the report, and its counts, read from PIT's {@code mutations.xml} as a stream. Where it is looked
 * for: the folder named by {@value #FOLDER_PROPERTY}, else {@code pit-reports} beside the report's folder
 * (where the profile writes it under Maven).
 */
final class PitSummary {
    static final String FOLDER_PROPERTY = "conformance.pitReports";

    private PitSummary() {}

    static Optional<ObjectNode> beside(Path reportFolder) throws IOException {
        Path pit = Optional.ofNullable(System.getProperty(FOLDER_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(reportFolder.toAbsolutePath().resolveSibling("pit-reports"));
        Path page = pit.resolve("index.html");
        Path xml = pit.resolve("mutations.xml");
        if (!Files.isRegularFile(page) || !Files.isRegularFile(xml)) {
            return Optional.empty();
        }
        Map<String, Integer> statuses = statuses(xml);
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
        return Optional.of(node);
    }

    /** How many mutations have each status (KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT, …). */
    private static Map<String, Integer> statuses(Path xml) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, Integer> statuses = new TreeMap<>();
        try (InputStream in = Files.newInputStream(xml)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT && reader.getLocalName().equals("mutation")) {
                    String status = reader.getAttributeValue(null, "status");
                    statuses.merge(status == null ? "UNKNOWN" : status, 1, Integer::sum);
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(xml + " is not PIT's mutations.xml: " + e.getMessage(), e);
        }
        return statuses;
    }
}
