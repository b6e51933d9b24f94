package org.rcm.requests.config;

import java.net.Socket;
import java.net.SocketException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail (SMTP and IMAP, no TLS) whose connections send each answer at once ({@code TCP_NODELAY}). GreenMail
 * writes an answer in several small pieces; with Nagle's algorithm each piece after the first waits for the client's
 * delayed acknowledgement, about 40 ms on Linux, so every IMAP and SMTP command took about 44 ms and the mailbox
 * reader handled at most five replies a second (the lifecycle benchmark). {@code ImapServer} is final: the IMAP
 * server here is GreenMail's own, with the socket option set first.
 */
public class PromptGreenMail extends GreenMail {

    public PromptGreenMail(ServerSetup... setups) {
        super(setups);
    }

    public int smtpPort() {
        return services.get(ServerSetup.PROTOCOL_SMTP).getPort();
    }

    public int imapPort() {
        return services.get(ServerSetup.PROTOCOL_IMAP).getPort();
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> servers = new LinkedHashMap<>();
        for (ServerSetup setup : config) {
            switch (setup.getProtocol()) {
                case ServerSetup.PROTOCOL_SMTP -> servers.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                    @Override
                    protected ProtocolHandler createProtocolHandler(Socket socket) {
                        noDelay(socket);
                        return super.createProtocolHandler(socket);
                    }
                });
                case ServerSetup.PROTOCOL_IMAP -> servers.put(setup.getProtocol(), new AbstractServer(setup, managers) {
                    @Override
                    protected ProtocolHandler createProtocolHandler(Socket socket) {
                        noDelay(socket);
                        return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
                    }
                });
                default -> throw new IllegalArgumentException("Only SMTP and IMAP: " + setup.getProtocol());
            }
        }
        return servers;
    }

    private static void noDelay(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (SocketException e) {
            throw new IllegalStateException("Could not set TCP_NODELAY on a mail client's connection", e);
        }
    }
}
