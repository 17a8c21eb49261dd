package fr.asso.europlie.plie.workflow.negotiation;

import java.io.IOException;
import java.io.OutputStream;

/** Writes to two streams: what a test captures of the engine's log, still shown on the console. */
final class Tee extends OutputStream {

    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
        first.write(b);
        second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        first.write(b, off, len);
        second.write(b, off, len);
    }
}
