namespace Sharpflow.Dashboard.Runs.Artifacts;

/// <summary>One point of a ROC curve: at a confidence threshold, the false positive rate and the recall (true positive rate).</summary>
public sealed record RocPoint(double Threshold, double FalsePositiveRate, double Recall);
