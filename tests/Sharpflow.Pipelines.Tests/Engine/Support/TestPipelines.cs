namespace Sharpflow.Pipelines.Tests.Engine.Support;

/// <summary>The small compiled pipelines of Engine/Pipelines, written in the IR the KFP compiler emits, with shell steps.</summary>
public static class TestPipelines
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Engine", "Pipelines", name));
}
