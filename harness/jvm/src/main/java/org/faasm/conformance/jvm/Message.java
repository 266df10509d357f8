package org.faasm.conformance.jvm;

/**
 * One Faasm message to run: Faasm's Message, reduced to what a function can see.
 *
 * @param appId the app it belongs to; chained calls share their parent's
 * @param funcPtr function-table index for a pointer-chained call, 0 to run {@code _start}
 * @param host the logical host it is placed on
 * @param depth how many chained calls lead to it: 0 for a message a client submitted
 */
public record Message(int id, int appId, String user, String function, int funcPtr, byte[] input, String cmdline, int host,
        int depth) {

    /** A message a client submits (the entry of a spec), at depth 0. */
    public static Message entry(int id, int appId, String user, String function, int funcPtr, byte[] input, String cmdline, int host) {
        return new Message(id, appId, user, function, funcPtr, input, cmdline, host, 0);
    }

    /** A chained call made by this message, placed on {@code host}, one level deeper. */
    public Message child(int childId, String childFunction, int childFuncPtr, byte[] childInput, int childHost) {
        return new Message(childId, appId, user, childFunction, childFuncPtr, childInput, cmdline, childHost, depth + 1);
    }
}
