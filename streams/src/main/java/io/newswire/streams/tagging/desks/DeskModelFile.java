package io.newswire.streams.tagging.desks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newswire.common.Json;
import io.newswire.streams.tagging.AtomicWrite;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;

/**
 * The desk model on disk: a first line {@code newswire-desk-model 1}, a second line with the
 * {@link DeskModelInfo} as JSON (readable with {@code head -2}), then OpenNLP's binary maxent model.
 */
public final class DeskModelFile {

    static final String MAGIC = "newswire-desk-model 1";
    /** The header is a few hundred bytes; a longer first line means the file is not a desk model. */
    private static final int MAX_HEADER_LINE = 64 * 1024;

    private DeskModelFile() {
    }

    /** Writes the model, through a temporary file so a reader never sees half a model. */
    public static void write(DeskModel model, Path file) throws IOException {
        AtomicWrite.write(file, temporary -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                out.write((MAGIC + "\n").getBytes(StandardCharsets.UTF_8));
                out.write(Json.mapper().writeValueAsBytes(model.info()));
                out.write('\n');
                DataOutputStream data = new DataOutputStream(out);
                new GenericModelWriter(model.maxent(), data).persist();
                data.flush();
            }
        });
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the file, when it is missing, not a desk model, or made for
     *                                  other features
     */
    public static DeskModel read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read desk model " + file);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (!MAGIC.equals(readLine(in))) {
                throw new IllegalArgumentException(file + " is not a newswire desk model (train one with `newswire train`)");
            }
            DeskModelInfo info;
            try {
                info = Json.mapper().readValue(readLine(in), DeskModelInfo.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + ": damaged desk model header: " + e.getOriginalMessage());
            }
            if (!DeskModel.FEATURE_SCHEME.equals(info.featureScheme())) {
                throw new IllegalArgumentException(file + " was trained for features " + info.featureScheme()
                        + ", this newswire uses " + DeskModel.FEATURE_SCHEME + ": train it again");
            }
            AbstractModel maxent = new GenericModelReader(new BinaryFileDataReader(new DataInputStream(in))).getModel();
            return new DeskModel(maxent, info, false);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() >= MAX_HEADER_LINE) {
                return "";
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
