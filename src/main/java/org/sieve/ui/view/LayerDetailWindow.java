package org.sieve.ui.view;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sieve.analysis.Reconstructions;
import org.sieve.image.ForegroundMask;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.metrics.SigmaGrid;
import org.sieve.render.ColourScale;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.sieve.render.ColourBar;
import org.sieve.render.HeatmapRenderer;
import org.sieve.report.LayerWarnings;
import org.sieve.service.JobResult;
import org.sieve.ui.model.AppModel;

/**
 * One layer large: its pixel-wise entropy (or reconstruction uncertainty) over the image, the
 * values of the cell under the mouse, the layer's numbers, with a foreground its knowledge points
 * marked on the image, and for metric 2 the layer's reconstruction of the input beside the input.
 */
final class LayerDetailWindow {

    private static final double SIZE = 560;
    /** Reconstruction and input, one above the other beside the map. */
    private static final double SMALL = 240;

    /** Knowledge points on more than this share of the cells hide the map under them. */
    static final double CROWDED_SHARE = 0.1;

    private LayerDetailWindow() {
    }

    private static int count(boolean[] cells) {
        int n = 0;
        for (boolean c : cells) {
            n += c ? 1 : 0;
        }
        return n;
    }

    static Stage show(Window owner, AppModel app, JobResult result, LayerResult layer, ColourScale scale) {
        PreparedImage img = result.analysis().request().image();
        Metric metric = result.analysis().request().settings().metric();
        SigmaGrid grid = result.analysis().discarding().grid();
        ForegroundMask mask = result.analysis().request().mask();
        boolean[] fgCells = mask == null ? null : KnowledgePoints.foregroundCells(grid, mask);
        boolean[] points = mask == null ? null : KnowledgePoints.points(layer.entropyMap(), grid, fgCells);

        Canvas canvas = new Canvas(SIZE, SIZE);
        canvas.setId("detail-canvas");
        double s = SIZE / Math.max(img.width(), img.height());
        // Drawn at the canvas' size, so that clipped cells keep their stripes.
        Image picture = Fx.image(HeatmapRenderer.mapImage(img.grayscale(), layer.entropyMap(), scale, app.colourMap().get(),
                app.opacity().get(), (int) SIZE));
        int pointCount = points == null ? 0 : count(points);
        CheckBox showPoints = new CheckBox(points == null ? "Mark knowledge points"
                : "Mark knowledge points (" + pointCount + ")");
        showPoints.setId("detail-knowledge-points");
        // Marked at once where they stand out; where they cover the map (metric 2 can give hundreds) only on request.
        showPoints.setSelected(points != null && pointCount <= points.length * CROWDED_SHARE);
        showPoints.setDisable(points == null);
        // The cell under the mouse, outlined; -1 for none.
        int[] hovered = {-1};
        Runnable paint = () -> {
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, SIZE, SIZE);
            g.setImageSmoothing(false);
            g.drawImage(picture, 0, 0, img.width() * s, img.height() * s);
            if (points != null && showPoints.isSelected()) {
                drawPoints(g, grid, points, fgCells, img, s);
            }
            if (hovered[0] >= 0) {
                outline(g, grid, hovered[0], img, s);
            }
        };
        showPoints.selectedProperty().addListener(o -> paint.run());
        paint.run();

        Label cell = new Label("Move the mouse over the image for the values of a cell.");
        cell.setId("detail-cell");
        cell.setWrapText(true);
        canvas.setOnMouseMoved(e -> {
            int x = (int) (e.getX() / s);
            int y = (int) (e.getY() / s);
            if (x < 0 || y < 0 || x >= img.width() || y >= img.height()) {
                return;
            }
            cell.setText(describeCell(layer, metric, grid, x, y, fgCells, points));
            int c = grid.cellOfPixel()[y * grid.width() + x];
            if (c != hovered[0]) {
                hovered[0] = c;
                paint.run();
            }
        });
        canvas.setOnMouseExited(e -> {
            cell.setText("Move the mouse over the image for the values of a cell.");
            hovered[0] = -1;
            paint.run();
        });

        ImageView bar = new ImageView();
        VBox facts = new VBox(6, Fx.heading(layer.name()), Fx.hint(summary(layer, metric)), showPoints, cell);
        LayerWarnings warnings = LayerWarnings.of(layer);
        if (warnings.any()) {
            Label warn = new Label(warnings.advice(), Fx.icon(MaterialDesignA.ALERT));
            warn.setWrapText(true);
            warn.getStyleClass().add("tile-warning");
            facts.getChildren().add(2, warn);
        }
        facts.setPrefWidth(300);
        BorderPane root = new BorderPane();
        HBox pictures = new HBox(8, canvas, bar);
        PreparedImage rebuilt = Reconstructions.of(img, layer);
        if (rebuilt != null) {
            pictures.getChildren().add(new VBox(4, Fx.heading("rebuilt from " + layer.name()), enlarged(rebuilt,
                    "detail-reconstruction"), Fx.hint(String.format(Locale.ROOT, "MSE %.4f per pixel",
                    Reconstructions.meanSquaredError(img, layer))), Fx.heading("input"), enlarged(img, "detail-input")));
        }
        root.setCenter(pictures);
        root.setRight(facts);
        root.setPadding(new Insets(12));
        BorderPane.setMargin(facts, new Insets(0, 0, 0, 12));
        root.getStyleClass().add("detail");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(layer.name() + " · " + result.analysis().request().model().metadata().name());
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        // The bar in the theme's text colour and font, so it reads on the dark theme too.
        root.applyCss();
        bar.setImage(Fx.image(ColourBar.vertical(scale, app.colourMap().get(), (int) Math.round(img.height() * s),
                Fx.barStyle(cell))));
        bar.setTranslateY(-ColourBar.endPad(Fx.barStyle(cell).font(), scale));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        Windows.show(stage);
        return stage;
    }

    /** The image at SMALL size, its pixels kept sharp. */
    private static ImageView enlarged(PreparedImage img, String id) {
        ImageView view = new ImageView(InputImage.of(img));
        view.setId(id);
        view.setSmooth(false);
        view.setPreserveRatio(true);
        view.setFitWidth(SMALL);
        view.setFitHeight(SMALL);
        return view;
    }

    /** A frame around one cell of the sigma grid, light and dark so it shows on any colour. */
    private static void outline(GraphicsContext g, SigmaGrid grid, int c, PreparedImage img, double s) {
        double cw = img.width() * s / grid.columns();
        double ch = img.height() * s / grid.rows();
        double x = (c % grid.columns()) * cw;
        double y = (c / grid.columns()) * ch;
        g.setLineWidth(3);
        g.setStroke(Color.BLACK);
        g.strokeRect(x + 1.5, y + 1.5, cw - 3, ch - 3);
        g.setLineWidth(1.5);
        g.setStroke(Color.WHITE);
        g.strokeRect(x + 1.5, y + 1.5, cw - 3, ch - 3);
    }

    private static void drawPoints(GraphicsContext g, SigmaGrid grid, boolean[] points, boolean[] fg,
                                   PreparedImage img, double s) {
        double cw = img.width() * s / grid.columns();
        double ch = img.height() * s / grid.rows();
        double r = Math.max(2.5, Math.min(cw, ch) * 0.22);
        for (int c = 0; c < points.length; c++) {
            if (!points[c]) {
                continue;
            }
            double cx = (c % grid.columns() + 0.5) * cw;
            double cy = (c / grid.columns() + 0.5) * ch;
            g.setFill(fg[c] ? Color.WHITE : Color.RED);
            g.setStroke(Color.BLACK);
            g.setLineWidth(1);
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        }
    }

    static String describeCell(LayerResult layer, Metric metric, SigmaGrid grid, int x, int y, boolean[] fg,
                               boolean[] points) {
        int c = grid.cellOfPixel()[y * grid.width() + x];
        int row = c / grid.columns();
        int col = c % grid.columns();
        double h = layer.entropyMap()[row][col];
        double sigma = layer.sigma()[row][col];
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "cell row %d, column %d (pixel %d, %d)%n%s = %.3f nats per dimension%nsigma = %.4f (pixel units)",
                row, col, x, y, metric.symbol(), h, sigma));
        if (fg != null) {
            s.append(fg[c] ? "\nforeground" : "\nbackground");
            if (points[c]) {
                s.append(" · knowledge point");
            }
        }
        return s.toString();
    }

    static String summary(LayerResult l, Metric metric) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s = %.4f nats per input dimension%n%s = %.1f nats in all%n"
                        + "envelope = %.4f%nD/D0 = %.3f · lambda = %.3g%n%s · %d saturated cells%n%d steps",
                metric.meanSymbol(), l.entropyPerDim(), metric.totalSymbol(),
                l.entropyTotal(), l.entropyEnvelope(), l.distortionRatio(), l.lambda(),
                l.converged() ? "converged" : "not converged", l.saturatedCells(), l.steps()));
        if (l.outputShape() != null) {
            s.append(" · output ").append(LayerPicker.shape(l.outputShape()));
        }
        if (l.foreground() != null) {
            var f = l.foreground();
            s.append(String.format(Locale.ROOT, "%nforeground %.3f · background %.3f%nconcentration %.3f%n"
                            + "knowledge points: %d foreground, %d background", f.foregroundEntropy(),
                    f.backgroundEntropy(), f.concentration(), f.knowledgePointsForeground(),
                    f.knowledgePointsBackground()));
        }
        return s.toString();
    }
}
