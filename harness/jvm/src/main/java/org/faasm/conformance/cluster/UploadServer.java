package org.faasm.conformance.cluster;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.faasm.conformance.cluster.Exchanges.Response;
import org.faasm.conformance.jvm.ModuleCache;
import org.faasm.conformance.jvm.ModuleLoadException;
import org.faasm.conformance.state.HostState;

/**
 * Faasm's upload server ({@code faasm:src/upload/UploadEndpointHandler.cpp}, reference §3.2): answers
 * as it does, and treats as a {@link Violation} every request that throws there, which kills the
 * process (an exception escaping a handler ends faabric's endpoint): a method other than GET and PUT,
 * a GET of a state key with no value, an upload that codegen rejects, a PUT of state shorter than the
 * key's existing value (Faasm copies the value's size from the body, past its end), a GET of a shared
 * file that does not exist or is empty (FileLoader::loadSharedFile throws). Python functions are not modelled.
 */
final class UploadServer implements Exchanges.Route {
    static final int MAX_MODULE_BYTES = 64 << 20;
    static final int MAX_STATE_BYTES = 16 << 20;
    /** faasm:include/storage/FileLoader.h:12 */
    static final String FILE_PATH_HEADER = "FilePath";

    private final FunctionStore functions;
    private final ModuleCache modules;
    private final StateSpaces state;
    private final SharedFiles shared;

    UploadServer(FunctionStore functions, ModuleCache modules, StateSpaces state, SharedFiles shared) {
        this.functions = functions;
        this.modules = modules;
        this.state = state;
        this.shared = shared;
    }

    @Override
    public Response handle(HttpExchange exchange) throws HttpError, Violation, IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (!method.equals("GET") && !method.equals("PUT")) {
            throw new Violation("Faasm's upload server throws \"Unrecognised request method\" on " + method + " and dies"
                    + (method.equals("OPTIONS") ? " (a CORS preflight: send same-origin or simple requests)" : ""));
        }
        if (method.equals("GET") && path.equals("/ping")) {
            return Response.text(200, "PONG");
        }
        PathParts parts = new PathParts(path);
        return switch (parts.part(0)) {
            case "s" -> method.equals("GET") ? getState(parts) : putState(parts, Exchanges.body(exchange, MAX_STATE_BYTES));
            case "f" -> {
                if (method.equals("GET")) {
                    throw new HttpError(400, "Unrecognised GET request to " + parts.relative);
                }
                yield uploadFunction(parts.part(1), parts.part(2), Exchanges.body(exchange, MAX_MODULE_BYTES));
            }
            case "file" -> sharedFile(exchange, method);
            case "p" -> {
                if (method.equals("GET")) {
                    throw new HttpError(400, "Unrecognised GET request to " + parts.relative);
                }
                throw new Violation("Python functions are not modelled by the embedded cluster");
            }
            default -> throw new HttpError(400, "Unrecognised " + method + " request to " + parts.relative);
        };
    }

    private Response uploadFunction(String user, String function, byte[] wasm) throws Violation {
        try {
            ModuleCache.parse(wasm, "function " + user + "/" + function);
            functions.put(user, function, wasm);
            modules.invalidate(user, function);
            // Compiled now, as Faasm generates code at upload, so no compile eats into an await's timeout.
            modules.prepare(user, function);
        } catch (ModuleLoadException e) {
            throw new Violation("Faasm's codegen throws on a module it cannot load, and the upload server dies: " + e.getMessage());
        }
        return Response.text(200, "Function upload complete\n");
    }

    /**
     * Faasm's shared-file endpoint (faasm:src/upload/UploadEndpointHandler.cpp:132-147, 214-237): the path
     * in header FilePath; a PUT with a body stores it (an empty body does nothing), a GET answers the file.
     */
    private Response sharedFile(HttpExchange exchange, String method) throws HttpError, Violation, IOException {
        String path = exchange.getRequestHeaders().getFirst(FILE_PATH_HEADER);
        if (path == null) {
            throw new HttpError(400, "Bad request, expected file path header " + FILE_PATH_HEADER);
        }
        if (method.equals("PUT")) {
            byte[] contents = Exchanges.body(exchange, MAX_MODULE_BYTES);
            if (contents.length > 0) {
                shared.put(path, contents);
            }
            return Response.text(200, "");
        }
        return new Response(200, shared.get(path).filter(contents -> contents.length > 0).orElseThrow(() -> new Violation(
                "a GET of shared file '" + path + "', which does not exist or is empty: Faasm's FileLoader throws and the upload server dies")));
    }

    /** Faasm: a sized getKV of the body's length, set, pushFull; an empty body does nothing. Either way 200, no body. */
    private Response putState(PathParts parts, byte[] value) throws HttpError, Violation {
        HostState upload = state.upload(parts.part(1));
        String key = parts.part(2);
        if (value.length > 0) {
            int size = upload.writeSize(key, value.length);
            if (size > value.length) {
                throw new Violation("a PUT of " + value.length + " bytes to '" + key + "', whose value here is " + size
                        + " bytes: Faasm copies " + size + " bytes from the body, reading past its end");
            }
            upload.putGlobal(key, value);
        }
        return Response.text(200, "");
    }

    /**
     * Faasm: the size (local, else the main's, else 0), a sized getKV and a lazy get. The value is
     * cached here, so a later GET can be stale; with no value, getKV of size 0 throws.
     */
    private Response getState(PathParts parts) throws HttpError, Violation {
        HostState upload = state.upload(parts.part(1));
        String key = parts.part(2);
        int size = upload.size(key);
        if (size == 0) {
            throw new Violation("a GET of state key '" + key + "', which has no value: Faasm's upload server throws"
                    + " (getKV with size 0) and dies; read state with the state probe");
        }
        try {
            return new Response(200, upload.read(HostState.NO_MESSAGE, key, size));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "interrupted while reading '" + key + "'");
        }
    }

    /** Faasm's PathParts: the path without its outer slashes, split on runs of slashes. */
    private static final class PathParts {
        final String relative;
        private final String[] parts;

        PathParts(String path) {
            this.relative = path.replaceAll("^/+|/+$", "");
            this.parts = relative.split("/+", -1);
        }

        String part(int index) throws HttpError {
            if (index >= parts.length) {
                throw new HttpError(400, "Bad URL, expected single path part " + relative);
            }
            return parts[index];
        }
    }
}
