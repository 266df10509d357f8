package org.faasm.conformance.wavm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.faasm.conformance.hostinterface.FaasmImport;

/**
 * What a JavaScript host needs to link a module as WAVM does, as JSON: the host interface's calls with
 * their signatures (from {@link FaasmImport}, so the two never drift) and WAVM's intrinsic names by
 * module. The browser's page server and the process adapters' requests carry the same tables.
 */
public final class LinkTables {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LinkTables() {}

    /** [{name, hasResult, params: [ArgKind]}] for every {@code __faasm_*} call. */
    public static ArrayNode faasmTable() {
        ArrayNode list = JSON.createArrayNode();
        for (FaasmImport call : FaasmImport.values()) {
            ObjectNode node = list.addObject();
            node.put("name", call.importName());
            node.put("hasResult", call.hasResult());
            ArrayNode params = node.putArray("params");
            call.params().forEach(kind -> params.add(kind.name()));
        }
        return list;
    }

    /** {module: [name]} of everything WAVM links. */
    public static ObjectNode wavmImports() {
        return JSON.valueToTree(WavmIntrinsics.load().namesByModule());
    }
}
