using MudBlazor;

namespace Sharpflow.Dashboard.Model;

/// <summary>The component sections of the sidebar, and the Kubeflow kinds each one lists.</summary>
internal static class DashboardSections
{
    private const string Pipelines = "pipelines.kubeflow.org";
    private const string Kubeflow = "kubeflow.org";
    private const string Serving = "serving.kserve.io";

    public static readonly DashboardSection PipelinesSection = new()
    {
        Title = "Pipelines",
        Path = "/pipelines",
        Icon = Icons.Material.Outlined.AccountTree,
        Description = "Compiled KFP v2 pipelines and their versions.",
        Kinds = [new(Pipelines, "Pipeline"), new(Pipelines, "PipelineVersion")],
        ExampleFile = "pipeline.yaml",
    };

    public static readonly DashboardSection Runs = new()
    {
        Title = "Runs",
        Path = "/runs",
        Icon = Icons.Material.Outlined.PlayCircle,
        Description = "Pipeline runs and recurring runs, with their state.",
        Kinds = [new(Pipelines, "Run"), new(Pipelines, "RecurringRun")],
        ExampleFile = "run.yaml",
    };

    public static readonly DashboardSection Experiments = new()
    {
        Title = "Experiments",
        Path = "/experiments",
        Icon = Icons.Material.Outlined.Science,
        Description = "Pipeline experiments, which group related runs.",
        Kinds = [new(Pipelines, "Experiment")],
        ExampleFile = "experiment.yaml",
    };

    public static readonly DashboardSection Tuning = new()
    {
        Title = "Tuning",
        Path = "/tuning",
        Icon = Icons.Material.Outlined.Tune,
        Description = "Hyperparameter tuning experiments (Katib), their trials and suggestions.",
        Kinds = [new(Kubeflow, "Experiment"), new(Kubeflow, "Trial"), new(Kubeflow, "Suggestion")],
        ExampleFile = "experiment.yaml",
    };

    public static readonly DashboardSection Training = new()
    {
        Title = "Training",
        Path = "/training",
        Icon = Icons.Material.Outlined.ModelTraining,
        Description = "Distributed training jobs.",
        Kinds =
        [
            new(Kubeflow, "TFJob"), new(Kubeflow, "PyTorchJob"), new(Kubeflow, "MPIJob"),
            new(Kubeflow, "XGBoostJob"), new(Kubeflow, "JAXJob"), new(Kubeflow, "PaddleJob"),
        ],
        ExampleFile = "job.yaml",
    };

    public static readonly DashboardSection Models = new()
    {
        Title = "Models",
        Path = "/models",
        Icon = Icons.Material.Outlined.Hub,
        Description = "Served models (KServe InferenceServices), inference graphs and serving runtimes.",
        Kinds =
        [
            new(Serving, "InferenceService"), new(Serving, "InferenceGraph"),
            new(Serving, "ServingRuntime"), new(Serving, "ClusterServingRuntime"),
        ],
        ExampleFile = "inference-service.yaml",
    };

    public static readonly DashboardSection Notebooks = new()
    {
        Title = "Notebooks",
        Path = "/notebooks",
        Icon = Icons.Material.Outlined.Book,
        Description = "Jupyter notebook servers.",
        Kinds = [new(Kubeflow, "Notebook")],
        ExampleFile = "notebook.yaml",
    };

    public static IReadOnlyList<DashboardSection> All { get; } =
        [PipelinesSection, Runs, Experiments, Tuning, Training, Models, Notebooks];
}
