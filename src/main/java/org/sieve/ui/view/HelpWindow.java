package org.sieve.ui.view;

import java.awt.Color;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sieve.render.ColourBar;
import org.sieve.render.ColourMap;
import org.sieve.render.ColourScale;
import org.sieve.render.CurveChart;
import org.sieve.render.Text;

/**
 * Help (F1): what the maps and curves mean, for a student who has not read the paper, with a
 * schematic curve and a colour bar, and every shortcut. Esc closes it.
 */
final class HelpWindow {

    private HelpWindow() {
    }

    static Stage show(Window owner) {
        VBox page = new VBox(14,
                section("What Sieve measures", """
                        A trained network keeps some of what it sees and throws the rest away. Sieve asks, for one \
                        image and one layer, how much random noise each region of the image can take before the \
                        layer's features change noticeably. Where much noise makes no difference, the layer has \
                        discarded that region's information; where a little noise already changes the features, \
                        the layer relies on it. This is the pixel-wise information discarding of Ma et al. \
                        (ICML 2022)."""),
                section("The maps", """
                        Each map is one layer, in network order. Its colour is the pixel-wise entropy h of the \
                        noise (in nats): bright means the layer discards that region, dark means it keeps it. The \
                        input shows faintly under the colours. All maps on screen share one colour range, so \
                        colours compare across layers and panels. Click a map for the large view: the value of \
                        the cell under the mouse, and the layer's numbers."""),
                withFigure(section("The colour bar", """
                        By default the range runs from the 2nd to the 98th percentile of all values shown, so \
                        a few extreme cells (often blank background, where the noise reached its largest \
                        allowed size) do not wash out the rest. Cells beyond the range are striped, and a \
                        striped triangle at the end of the bar says there are such cells. The menu beside \
                        Colours chooses the full range, one range per layer, or a range you type."""),
                        colourBar()),
                withFigure(section("The curves", """
                        Under the maps, each layer's entropy averaged over the input (h with a bar, in nats per \
                        dimension) says how much of the image, in all, the layer discards. It usually rises \
                        with depth: deeper layers keep less of the input. The dashed envelope is the running \
                        maximum over depth, as the paper plots it: information a layer has discarded cannot come \
                        back later, so a dip in the mean is noise of the measurement, not information regained. \
                        With a foreground (the digit's strokes, a rectangle or a painted region), the foreground \
                        and background curves show where the layer discards more; the gap between them is how \
                        much it concentrates on the object."""),
                        curveFigure()),
                section("Tau and D/D0", """
                        The noise may grow only while the layer's features stay close to the original: their \
                        change D, relative to the change D0 that a tiny uniform noise (sigma0) causes, must stay \
                        at tau (1.5 by default). Each map's line shows the D/D0 reached. A layer whose \
                        optimisation did not settle is marked with a warning sign on its map and in the progress \
                        list: hover it for the reason and what to do (usually: more steps)."""),
                section("Knowledge points", """
                        In the large view, with a foreground, the cells where the layer keeps the most \
                        information are marked: white on the foreground, red on the background. A good \
                        classifier's knowledge points lie mostly on the object."""),
                section("Reconstruction uncertainty (metric 2)", """
                        Chosen beside Analyze, it asks the same question from the other side: a decoder trained \
                        for each layer rebuilds the image from what the layer kept, and r measures how \
                        uncertain each region of that reconstruction is. Under each map stands what the decoder \
                        rebuilds; high r where the layer kept little. Its mean over the image can dip from one \
                        layer to a deeper one (on LeNet-5 by 0.05 nats on average over digits, up to 0.4 at the \
                        output layer on some digits), although a deeper layer cannot know more: each layer has its \
                        own decoder and its own noise budget. Read its dashed envelope, the running maximum, as \
                        the layer-wise curve."""),
                shortcuts());
        page.setPadding(new Insets(16));
        page.setMaxWidth(860);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("help");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Sieve — what the maps and curves mean");
        // Combining marks (the bar of h-bar) break JavaFX's line wrapping: the text above writes it out.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(scroll, Math.min(900, screen.getWidth() * 0.9),
                Math.min(760, screen.getHeight() * 0.9));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scroll.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        Windows.show(stage);
        return stage;
    }

    /** Width of the text: wrapping labels need one to take their height from. */
    private static final double TEXT = 820;

    private static VBox section(String title, String text) {
        Label body = new Label(text);
        body.setWrapText(true);
        body.setPrefWidth(TEXT);
        body.setMinHeight(Region.USE_PREF_SIZE);
        body.getStyleClass().add("help-text");
        return new VBox(4, Fx.heading(title), body);
    }

    /** The figure under the text it illustrates: beside it, a wrapping text would not get its height. */
    private static VBox withFigure(VBox text, Node figure) {
        return new VBox(8, text, figure);
    }

    /** A made-up run of five layers, labelled as such: h̄ dips at conv3, its envelope does not. */
    private static ImageView curveFigure() {
        CurveChart chart = new CurveChart("Schematic, not a measurement", "layer, in network order", "h̄ (nats/dim)",
                java.util.List.of("conv1", "conv2", "conv3", "fc1", "fc2"));
        double[] raw = {-3.1, -2.8, -2.95, -2.5, -2.2};
        double[] envelope = {-3.1, -2.8, -2.8, -2.5, -2.2};
        chart.add("h̄", raw, CurveChart.palette(0), false);
        chart.add("envelope", envelope, CurveChart.palette(0), true);
        ImageView view = new ImageView(Fx.image(chart.render(340, 230)));
        view.setId("help-curve-figure");
        return view;
    }

    private static ImageView colourBar() {
        ColourScale scale = new ColourScale(-3.5, -1.5, "h (nats)", false, true);
        return new ImageView(Fx.image(ColourBar.vertical(scale, ColourMap.VIRIDIS, 150,
                new ColourBar.Style(Text.sans(java.awt.Font.PLAIN, 13), Color.BLACK, Color.WHITE))));
    }

    private static VBox shortcuts() {
        GridPane table = new GridPane();
        table.setId("help-shortcuts");
        table.setHgap(16);
        table.setVgap(3);
        int row = 0;
        for (Shortcut s : Shortcut.values()) {
            Label keys = new Label(s.display());
            keys.getStyleClass().add("shortcut-keys");
            Label what = new Label(s.description());
            what.setWrapText(true);
            what.setMaxWidth(TEXT - 200);
            table.addRow(row++, keys, what);
        }
        table.addRow(row, new Label("Esc"), new Label("Cancel a running analysis, else leave presentation mode;"
                + " closes the large view and this page"));
        return new VBox(4, Fx.heading("Shortcuts"), table);
    }
}
