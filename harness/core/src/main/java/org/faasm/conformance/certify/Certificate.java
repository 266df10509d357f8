package org.faasm.conformance.certify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.faasm.conformance.run.SpecOutcome;
import org.faasm.conformance.verdict.Status;
import org.faasm.conformance.verdict.Verdict;

/**
 * What a host was found conformant to: per profile, whether every one of its specs passed, and which
 * did not; against which corpus (its digest and every file's) and by which harness. A certificate is
 * checked later against the corpus in hand ({@link #verify}).
 */
public final class Certificate {
    public static final String FILE = "certificate.json";
    public static final String BADGE = "badge.svg";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A failing spec's reason as the certificate keeps it; report.json has all of it. */
    private static final int REASON_CHARS = 300;

    private Certificate() {}

    /** The certificate of one backend's run of the profiles' specs. */
    public static ObjectNode of(String backend, String backendVersion, String harnessVersion, CorpusDigest corpus,
            List<Profile> profiles, List<SpecOutcome> outcomes) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        outcomes.forEach(o -> o.verdicts().stream().filter(v -> v.backend().equals(backend)).findFirst()
                .ifPresent(v -> verdicts.put(o.spec().id(), v)));
        ObjectNode certificate = JSON.createObjectNode();
        certificate.put("format", 1);
        certificate.put("backend", backend);
        certificate.put("backendVersion", backendVersion);
        certificate.put("harness", harnessVersion);
        certificate.put("issued", Instant.now().toString());
        ObjectNode results = certificate.putObject("profiles");
        for (Profile profile : profiles) {
            List<String> ids = outcomes.stream().map(SpecOutcome::spec).filter(profile::holds).map(s -> s.id()).toList();
            ObjectNode node = results.putObject(profile.name());
            node.put("summary", profile.summary());
            node.put("specs", ids.size());
            List<String> passed = ids.stream().filter(id -> verdicts.containsKey(id) && verdicts.get(id).status() == Status.PASS).toList();
            node.put("passed", passed.size());
            node.put("conformant", !ids.isEmpty() && passed.size() == ids.size());
            var failing = node.putArray("failing");
            for (String id : ids) {
                Verdict verdict = verdicts.get(id);
                if (verdict == null || verdict.status() != Status.PASS) {
                    failing.addObject().put("spec", id).put("status", verdict == null ? "NOT_RUN" : verdict.status().name())
                            .put("reason", verdict == null ? "" : shortened(verdict.message()));
                }
            }
        }
        ObjectNode corpusNode = certificate.putObject("corpus");
        corpusNode.put("digest", corpus.digest());
        corpus.files().forEach(corpusNode.putObject("files")::put);
        return certificate;
    }

    /** The profiles a certificate says its host is conformant to, in its order. */
    public static List<String> conformant(JsonNode certificate) {
        List<String> names = new ArrayList<>();
        certificate.path("profiles").properties().forEach(p -> {
            if (p.getValue().path("conformant").asBoolean()) {
                names.add(p.getKey());
            }
        });
        return names;
    }

    /** Why the certificate does not hold for the corpus in hand; empty when it does. */
    public static List<String> verify(JsonNode certificate, CorpusDigest now) {
        if (certificate.path("format").asInt() != 1 || !certificate.path("corpus").path("digest").isTextual()) {
            return List.of("not a certificate: no \"format\": 1 and corpus digest");
        }
        if (certificate.path("corpus").path("digest").asText().equals(now.digest())) {
            return List.of();
        }
        Map<String, String> recorded = new TreeMap<>();
        certificate.path("corpus").path("files").properties().forEach(f -> recorded.put(f.getKey(), f.getValue().asText()));
        List<String> problems = new ArrayList<>(List.of("the corpus changed since the certificate was issued"));
        problems.addAll(now.differences(new CorpusDigest(certificate.path("corpus").path("digest").asText(), recorded)).stream()
                .map(d -> "  " + d.replace(" was added", " is new").replace(" was removed", " is gone")).toList());
        return problems;
    }

    private static String shortened(String text) {
        return text.length() <= REASON_CHARS ? text : text.substring(0, REASON_CHARS) + "…";
    }
}
