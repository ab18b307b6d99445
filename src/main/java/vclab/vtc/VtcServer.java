package vclab.vtc;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import vclab.sched.SimThread;

/**
 * A VTC server. It listens on a real loopback (or Unix) socket so that its address and port
 * are real and unique, but no connection reaches it: vclab models no HTTP. What an HTTP probe
 * would get from it is {@link #probe()}: the status of the first {@code txresp} of its
 * specification. Each probe counts as one connection, for which the server's thread runs
 * the specification without its HTTP commands.
 */
public final class VtcServer {
    /** The kind of result a connection to the server gets. */
    public enum ProbeKind { REFUSED, NO_RESPONSE, STATUS }

    /**
     * The answer to a probe.
     *
     * @param kind refused (not listening), no response, or a status line
     * @param status the HTTP status for {@code STATUS}, else 0
     */
    public record ProbeAnswer(ProbeKind kind, int status) {
    }

    final String name;
    String listen;
    String spec;
    int repeat = 1;
    boolean keepalive;
    boolean dispatch;
    String addr = "";
    String port = "";
    int sockFd = -1;
    Closeable socket;
    SimThread thread;
    boolean cancelled;
    int pendingConnections;
    int remainingIterations;

    VtcServer(String name, String defaultListen) {
        this.name = name;
        this.listen = defaultListen;
    }

    public String name() {
        return name;
    }

    /** Returns the address it listens on ({@code 0.0.0.0} for a Unix socket), or "". */
    public String address() {
        return addr;
    }

    /** Returns the port it listens on ({@code 0} for a Unix socket), or "". */
    public String port() {
        return port;
    }

    /** Returns true for a Unix-domain socket; {@link #listen()} is then its path. */
    public boolean isUnix() {
        return listen.startsWith("/");
    }

    /** Returns the listen address: {@code addr:port} once it listened, or a socket path. */
    public String listen() {
        return listen;
    }

    /** Returns true while the server's thread runs ({@code -start} until it ends). */
    public boolean isRunning() {
        return thread != null && !thread.isDone();
    }

    /**
     * Returns true from {@code -start} until the thread is waited for, as varnishtest's
     * {@code s->run}: a server whose iterations are over still needs its {@code -wait}.
     */
    boolean isStarted() {
        return thread != null;
    }

    /**
     * Returns what an HTTP probe to this server gets now, and counts the connection as one
     * iteration of the server when it answers. Called on a simulated thread.
     */
    public ProbeAnswer probe() {
        if (socket == null) {
            return new ProbeAnswer(ProbeKind.REFUSED, 0);
        }
        if (!isRunning() || (!dispatch && pendingConnections >= remainingIterations)) {
            return new ProbeAnswer(ProbeKind.NO_RESPONSE, 0);
        }
        pendingConnections++;
        return ServerSpecs.probeAnswer(spec);
    }

    /** Binds the listen socket and records the actual address, as varnishtest does. */
    void bind(VtcContext ctx) {
        closeSocket();
        try {
            if (isUnix()) {
                bindUnix(ctx);
                return;
            }
            InetSocketAddress where = resolve(listen);
            ServerSocket s = new ServerSocket();
            s.bind(where, 10);
            socket = s;
            addr = s.getInetAddress().getHostAddress();
            port = Integer.toString(s.getLocalPort());
        } catch (IOException | IllegalArgumentException e) {
            throw ctx.fail(name, "Server listen address (" + listen + ") cannot be resolved: "
                    + e.getMessage());
        }
        listen = addr.contains(":") ? "[" + addr + "]:" + port : addr + ":" + port;
        sockFd = ctx.nextFd();
        ctx.defineMacro(name, name + "_addr", addr);
        ctx.defineMacro(name, name + "_port", port);
        ctx.defineMacro(name, name + "_sock", listen);
    }

    private void bindUnix(VtcContext ctx) throws IOException {
        Path path = Path.of(listen);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw ctx.fail(name, "Could not unlink " + listen + " before bind: "
                    + BasicCommands.strerror(e));
        }
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(path), 10);
        socket = ch;
        addr = "0.0.0.0";
        port = "0";
        sockFd = ctx.nextFd();
        ctx.defineMacro(name, name + "_addr", addr);
        ctx.defineMacro(name, name + "_port", port);
        ctx.defineMacro(name, name + "_sock", listen);
    }

    /** Parses {@code host:port}, {@code host port} or {@code [v6]:port}. */
    static InetSocketAddress resolve(String address) throws UnknownHostException {
        String host;
        String portText;
        int space = address.indexOf(' ');
        if (space >= 0) {
            host = address.substring(0, space);
            portText = address.substring(space + 1).strip();
        } else if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']'");
            }
            host = address.substring(1, close);
            portText = address.length() > close + 2 ? address.substring(close + 2) : "0";
        } else {
            int colon = address.lastIndexOf(':');
            host = colon < 0 ? address : address.substring(0, colon);
            portText = colon < 0 ? "0" : address.substring(colon + 1);
        }
        int p;
        try {
            p = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Servname not supported for ai_socktype");
        }
        return new InetSocketAddress(InetAddress.getByName(host), p);
    }

    void closeSocket() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            System.getLogger(VtcServer.class.getName()).log(System.Logger.Level.DEBUG,
                    "closing server socket of " + name + ": " + e);
        }
        socket = null;
    }
}
