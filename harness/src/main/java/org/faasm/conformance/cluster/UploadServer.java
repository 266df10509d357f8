package org.faasm.conformance.cluster;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.faasm.conformance.cluster.Exchanges.Response;
import org.faasm.conformance.jvm.ModuleCache;
import org.faasm.conformance.jvm.ModuleLoadException;
import org.faasm.conformance.state.HostState;

/**
 * Faasm's upload server routes (reference §3.2): {@code /ping}, {@code PUT /f/<user>/<function>},
 * {@code GET}/{@code PUT /s/<user>/<key>}. Where Faasm crashes or serves stale values (GET of an
 * unknown key, OPTIONS, a cached GET), this answers with a clear status instead.
 */
final class UploadServer implements Exchanges.Route {
    static final int MAX_MODULE_BYTES = 64 << 20;
    static final int MAX_STATE_BYTES = 16 << 20;

    private final FunctionStore functions;
    private final ModuleCache modules;
    private final StateSpaces state;

    UploadServer(FunctionStore functions, ModuleCache modules, StateSpaces state) {
        this.functions = functions;
        this.modules = modules;
        this.state = state;
    }

    @Override
    public Response handle(HttpExchange exchange) throws HttpError, IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/", -1);
        if (path.equals("/ping") && method.equals("GET")) {
            return Response.text(200, "PONG");
        }
        if (parts.length == 4 && parts[1].equals("f")) {
            if (!method.equals("PUT")) {
                throw new HttpError(400, "Unrecognised " + method + " request to " + path);
            }
            return uploadFunction(Names.check("user", parts[2]), Names.check("function", parts[3]), exchange);
        }
        if (parts.length == 4 && parts[1].equals("s")) {
            HostState upload = state.upload(Names.check("user", parts[2]));
            String key = Names.check("state key", parts[3]);
            return switch (method) {
                case "PUT" -> putState(upload, key, Exchanges.body(exchange, MAX_STATE_BYTES));
                case "GET" -> getState(upload, key);
                default -> throw new HttpError(405, method + " is not supported on " + path);
            };
        }
        throw new HttpError(404, "no route for " + method + " " + path);
    }

    private Response uploadFunction(String user, String function, HttpExchange exchange) throws HttpError, IOException {
        byte[] wasm = Exchanges.body(exchange, MAX_MODULE_BYTES);
        try {
            ModuleCache.parse(wasm, "function " + user + "/" + function);
        } catch (ModuleLoadException e) {
            throw new HttpError(400, e.getMessage());
        }
        functions.put(user, function, wasm);
        modules.invalidate(user, function);
        // Compiled now, as Faasm generates code at upload, so no compile eats into an await's timeout.
        try {
            modules.prepare(user, function);
        } catch (ModuleLoadException e) {
            throw new HttpError(400, e.getMessage());
        }
        return Response.text(200, "Function upload complete\n");
    }

    /** Sets the global value (an empty body does nothing, as in Faasm). */
    private static Response putState(HostState upload, String key, byte[] value) {
        if (value.length > 0) {
            upload.putGlobal(key, value);
        }
        return Response.text(200, "State upload complete\n");
    }

    /** Always the current global value: the upload server pulls before answering. */
    private static Response getState(HostState upload, String key) throws HttpError {
        int size = upload.size(key);
        if (size == 0) {
            throw new HttpError(404, "no state value for key '" + key + "'");
        }
        try {
            upload.pull(HostState.NO_MESSAGE, key, size);
            return Response.bytes(upload.read(HostState.NO_MESSAGE, key, size));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "interrupted while reading '" + key + "'");
        }
    }
}
