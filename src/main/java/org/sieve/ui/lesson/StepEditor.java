package org.sieve.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.sieve.lesson.Lesson;
import org.sieve.lesson.LessonStep;

/** The lesson's steps in a list: reorder, retitle, give captions, remove; applied with OK. */
final class StepEditor {

    private StepEditor() {
    }

    static void show(LessonSession session, Window owner) {
        Lesson lesson = session.lesson().get();
        if (lesson == null) {
            return;
        }
        ObservableList<LessonStep> steps = FXCollections.observableArrayList(lesson.steps());
        ListView<LessonStep> list = new ListView<>(steps);
        list.setId("lesson-steps");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LessonStep step, boolean empty) {
                super.updateItem(step, empty);
                setText(empty || step == null ? null : (getIndex() + 1) + ". " + step.title());
            }
        });
        TextField lessonTitle = new TextField(lesson.title());
        lessonTitle.setId("lesson-name");
        TextField title = new TextField();
        title.setId("step-title");
        TextArea caption = new TextArea();
        caption.setId("step-caption");
        caption.setWrapText(true);
        caption.setPrefRowCount(4);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            title.setText(now == null ? "" : now.title());
            caption.setText(now == null ? "" : now.caption());
        });
        title.textProperty().addListener((o, was, now) -> replace(list, s -> s.withTitle(now)));
        caption.textProperty().addListener((o, was, now) -> replace(list, s -> s.withCaption(now)));
        Button up = new Button("Up");
        up.setId("step-up");
        up.setOnAction(e -> move(list, -1));
        Button down = new Button("Down");
        down.setId("step-down");
        down.setOnAction(e -> move(list, 1));
        Button remove = new Button("Remove");
        remove.setId("step-remove");
        remove.setOnAction(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                steps.remove(i);
            }
        });
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(8);
        fields.addRow(0, new Label("Lesson title"), lessonTitle);
        fields.addRow(1, new Label("Step title"), title);
        fields.addRow(2, new Label("Caption"), caption);
        VBox content = new VBox(8, list, new HBox(8, up, down, remove), fields);
        content.setPadding(new Insets(12));
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Lesson steps");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        list.getSelectionModel().selectFirst();
        dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .ifPresent(b -> session.edit(lessonTitle.getText(), new ArrayList<>(steps)));
    }

    private static void replace(ListView<LessonStep> list, java.util.function.UnaryOperator<LessonStep> change) {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            LessonStep now = change.apply(list.getItems().get(i));
            if (!now.equals(list.getItems().get(i))) {
                list.getItems().set(i, now);
                list.getSelectionModel().select(i);
            }
        }
    }

    private static void move(ListView<LessonStep> list, int by) {
        int i = list.getSelectionModel().getSelectedIndex();
        int j = i + by;
        List<LessonStep> items = list.getItems();
        if (i >= 0 && j >= 0 && j < items.size()) {
            LessonStep s = items.remove(i);
            items.add(j, s);
            list.getSelectionModel().select(j);
        }
    }
}
