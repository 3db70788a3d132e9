package io.github.sibench.benchmark;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on the console: one progress bar per training run (model, step, rate, time left, and the loss
 * when the task reports one) and
 * status messages. On a terminal the bar redraws in place; otherwise it prints a line every 5 seconds.
 */
final class ConsoleProgress implements Progress {

    private final PrintStream out;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public Task training(String name, int steps) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed();
        if (System.console() == null) {
            // not a terminal (CI, a log file): one plain line every few seconds instead of redrawing
            builder.setConsumer(new DelegatingProgressBarConsumer(out::println, 100)).setUpdateIntervalMillis(5000);
        } else {
            builder.setUpdateIntervalMillis(500).continuousUpdate();
        }
        ProgressBar bar = builder.build();
        return new Task() {
            @Override
            public void onStep(int done, int total, double loss, double learningRate) {
                bar.stepTo(done);
                if (Double.isFinite(loss) && (done % 10 == 0 || done == total)) {
                    bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", loss));
                }
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    @Override
    public void message(String line) {
        out.println(line);
    }
}
