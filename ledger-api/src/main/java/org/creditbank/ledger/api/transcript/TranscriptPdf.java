package org.creditbank.ledger.api.transcript;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A transcript as a printable A4 PDF (Apache PDFBox): heading, one line per certified achievement, totals per unit
 * system, and the log checkpoint it is consistent with; as many pages as it needs.
 */
final class TranscriptPdf {

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 50;
    private static final float LEADING = 14;

    private TranscriptPdf() {
    }

    static byte[] render(Transcript transcript) {
        try (PDDocument document = new PDDocument()) {
            Writer writer = new Writer(document);
            writer.line(BOLD, 16, "Lifelong learning transcript");
            writer.gap();
            writer.line(REGULAR, 11, "Learner number: " + transcript.learnerNumber());
            writer.line(REGULAR, 11, "Name: " + transcript.fullName());
            writer.line(REGULAR, 11, "Scope: " + transcript.scope());
            writer.line(REGULAR, 11, "Issued: " + DateTimeFormatter.ISO_LOCAL_DATE_TIME
                    .format(transcript.issuedAt().atOffset(ZoneOffset.UTC).withNano(0)) + " UTC");
            writer.gap();
            writer.line(BOLD, 11, "Certified achievements");
            for (Transcript.Line line : transcript.lines()) {
                writer.line(REGULAR, 10, line.achievedOn() + "  " + line.title() + " (" + line.awardingBody() + ")  "
                        + line.credits().stripTrailingZeros().toPlainString() + " " + line.creditUnit()
                        + (line.result() == null ? "" : "  " + line.result()));
            }
            if (transcript.lines().isEmpty()) {
                writer.line(REGULAR, 10, "none");
            }
            writer.gap();
            writer.line(BOLD, 11, "Totals");
            for (Transcript.Total total : transcript.totals()) {
                writer.line(REGULAR, 10, total.credits().toPlainString() + " " + total.unit() + " from "
                        + total.achievements() + " achievement(s)");
            }
            if (!transcript.conversions().isEmpty()) {
                writer.gap();
                writer.line(BOLD, 11, "Credits converted into programmes");
                for (Transcript.Conversion c : transcript.conversions()) {
                    writer.line(REGULAR, 10, c.grantedOn() + "  " + c.programme() + " (" + c.institution() + ")  "
                            + c.credits().toPlainString() + " " + c.unit() + " from " + c.sources() + " source(s)");
                }
            }
            writer.gap();
            Transcript.CheckpointReference checkpoint = transcript.checkpoint();
            writer.line(REGULAR, 9, "Consistent with log " + checkpoint.origin() + " at tree size "
                    + checkpoint.treeSize() + (checkpoint.coversAllEvents() ? ""
                    : " (" + checkpoint.newerEvents() + " newer event(s) not yet in a checkpoint)") + ".");
            writer.line(REGULAR, 9, "Verify it offline with the learner's verified archive (docs/verification.md).");
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes lines top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            if (y < MARGIN + LEADING) {
                close();
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(printable(font, text));
            stream.endText();
            y -= LEADING;
        }

        void gap() {
            y -= LEADING / 2;
        }

        void close() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        /** The standard fonts cover WinAnsi only: other characters are shown as '?' (see docs/api.md). */
        private static String printable(PDType1Font font, String text) {
            StringBuilder shown = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                String character = new String(Character.toChars(c));
                try {
                    font.encode(character);
                    shown.append(character);
                } catch (IOException | IllegalArgumentException e) {
                    shown.append('?');
                }
            });
            return shown.toString();
        }
    }
}
