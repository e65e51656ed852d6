package org.sieve.ui.view;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.input.Clipboard;
import org.sieve.ui.Actions;
import org.sieve.ui.model.UserMessage;

/** Paste: an image on the clipboard becomes the active panel's image; copied files open as with drag and drop. */
final class Clipboards {

    private Clipboards() {
    }

    static void paste(Actions actions) {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (cb.hasImage() && cb.getImage() != null) {
            actions.useImage("pasted image", SwingFXUtils.fromFXImage(cb.getImage(), null));
        } else if (cb.hasFiles()) {
            actions.openFiles(cb.getFiles());
        } else {
            actions.app().tell(UserMessage.warning("Nothing to paste",
                    "The clipboard holds no image. Copy an image or an image file first."));
        }
    }
}
