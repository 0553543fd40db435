namespace Sharpflow.E2E.Tests.Runs;

/// <summary>Small compiled pipelines in the IR the KFP compiler writes, with shell steps, for what no acceptance pipeline covers.</summary>
internal static class InlinePipelines
{
    /// <summary>
    /// One task that writes a Metrics, a ClassificationMetrics, an HTML and a Markdown artifact, reporting the metrics in
    /// its executor output's artifact metadata as the KFP SDK does, and logging a few lines.
    /// </summary>
    public const string ModelReport = """
        # PIPELINE DEFINITION
        # Name: model-report
        components:
          comp-evaluate:
            executorLabel: exec-evaluate
            outputDefinitions:
              artifacts:
                classification:
                  artifactType:
                    schemaTitle: system.ClassificationMetrics
                    schemaVersion: 0.0.1
                metrics:
                  artifactType:
                    schemaTitle: system.Metrics
                    schemaVersion: 0.0.1
                report:
                  artifactType:
                    schemaTitle: system.HTML
                    schemaVersion: 0.0.1
                summary:
                  artifactType:
                    schemaTitle: system.Markdown
                    schemaVersion: 0.0.1
        deploymentSpec:
          executors:
            exec-evaluate:
              container:
                command:
                - sh
                - -c
                - |
                  set -e
                  echo "evaluating model on 120 held-out samples"
                  for f in "$0" "$1" "$2" "$3" "$4"; do mkdir -p "$(dirname "$f")"; done
                  echo '{}' > "$0"
                  echo '{}' > "$1"
                  cat > "$2" <<'HTML'
                  <html><body style="font-family: sans-serif"><h2 id="title">Evaluation report</h2><p>Accuracy <b>0.92</b> on the held-out set.</p><script>document.getElementById('title').textContent = 'scripts ran';</script></body></html>
                  HTML
                  cat > "$3" <<'MD'
                  # Training summary

                  The model reached **92% accuracy** after 12 epochs.

                  | epoch | loss |
                  |------:|-----:|
                  | 1 | 0.91 |
                  | 12 | 0.31 |
                  MD
                  cat > "$4" <<JSON
                  {"artifacts": {
                    "metrics": {"artifacts": [{"name": "metrics", "uri": "$0", "metadata": {"accuracy": 0.92, "f1": 0.88, "loss": 0.31}}]},
                    "classification": {"artifacts": [{"name": "classification", "uri": "$1", "metadata": {
                      "confusionMatrix": {"annotationSpecs": [{"displayName": "cat"}, {"displayName": "dog"}, {"displayName": "bird"}],
                                          "rows": [{"row": [38, 2, 0]}, {"row": [3, 35, 2]}, {"row": [1, 2, 37]}]},
                      "confidenceMetrics": [{"confidenceThreshold": 0.9, "falsePositiveRate": 0.0, "recall": 0.4},
                                            {"confidenceThreshold": 0.7, "falsePositiveRate": 0.05, "recall": 0.75},
                                            {"confidenceThreshold": 0.5, "falsePositiveRate": 0.12, "recall": 0.9},
                                            {"confidenceThreshold": 0.2, "falsePositiveRate": 0.4, "recall": 0.98},
                                            {"confidenceThreshold": 0.0, "falsePositiveRate": 1.0, "recall": 1.0}]}}]}
                  }}
                  JSON
                  echo "accuracy=0.92 f1=0.88 loss=0.31"
                  echo "wrote metrics, confusion matrix, report and summary"
                - '{{$.outputs.artifacts[''metrics''].uri}}'
                - '{{$.outputs.artifacts[''classification''].uri}}'
                - '{{$.outputs.artifacts[''report''].uri}}'
                - '{{$.outputs.artifacts[''summary''].uri}}'
                - '{{$.outputs.output_file}}'
                image: alpine
        pipelineInfo:
          name: model-report
        root:
          dag:
            tasks:
              evaluate:
                componentRef:
                  name: comp-evaluate
                taskInfo:
                  name: evaluate
        schemaVersion: 2.1.0
        sdkVersion: kfp-2.14.6
        """;

    /// <summary>Two steps: the first fails, so the second is skipped and the run fails.</summary>
    public const string FailingStep = """
        # PIPELINE DEFINITION
        # Name: failing-step
        components:
          comp-prepare:
            executorLabel: exec-prepare
          comp-publish:
            executorLabel: exec-publish
        deploymentSpec:
          executors:
            exec-prepare:
              container:
                command: [sh, -c, 'echo "preparing"; echo "disk quota exceeded" >&2; exit 3']
                image: alpine
            exec-publish:
              container:
                command: [sh, -c, 'echo publishing']
                image: alpine
        pipelineInfo:
          name: failing-step
        root:
          dag:
            tasks:
              prepare:
                componentRef:
                  name: comp-prepare
                taskInfo:
                  name: prepare
              publish:
                componentRef:
                  name: comp-publish
                dependentTasks:
                - prepare
                taskInfo:
                  name: publish
        schemaVersion: 2.1.0
        sdkVersion: kfp-2.14.6
        """;
}
