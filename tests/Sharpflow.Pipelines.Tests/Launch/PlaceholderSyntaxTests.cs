using Sharpflow.Pipelines.Launch;

namespace Sharpflow.Pipelines.Tests.Launch;

public class PlaceholderSyntaxTests
{
    [Theory]
    [InlineData("{{$}}", "ExecutorInput", null, null, null)]
    [InlineData("{{$.inputs.parameters['a b']}}", "InputParameter", "a b", null, null)]
    [InlineData("{{$.inputs.parameters[\"x\"]}}", "InputParameter", "x", null, null)]
    [InlineData("{{$.outputs.parameters['y'].output_file}}", "OutputParameter", "y", null, null)]
    [InlineData("{{$.inputs.artifacts['d'].path}}", "InputArtifact", "d", "path", null)]
    [InlineData("{{$.inputs.artifacts['d']}}", "InputArtifact", "d", null, null)]
    [InlineData("{{$.outputs.artifacts['m'].uri}}", "OutputArtifact", "m", "uri", null)]
    [InlineData("{{$.outputs.artifacts['m'].metadata['k']}}", "OutputArtifact", "m", "metadata", "k")]
    [InlineData("{{$.outputs.output_file}}", "OutputMetadataFile", null, null, null)]
    [InlineData("{{$.pipeline_job_schedule_time_utc}}", "PipelineJobScheduleTime", null, null, null)]
    [InlineData("{{$.workspace_path}}", "WorkspacePath", null, null, null)]
    public void Find_Placeholder_IsRecognized(string text, string kind, string? name, string? attribute, string? key)
    {
        var reference = Assert.Single(PlaceholderSyntax.Find(text));

        Assert.Equal(new PlaceholderReference(Enum.Parse<PlaceholderKind>(kind), 0, text.Length, name, attribute, key), reference);
    }

    [Fact]
    public void Find_SeveralInText_GivesPositionsInOrder()
    {
        const string text = "mkdir -p $(dirname {{$.outputs.parameters['sum'].output_file}}) && echo {{$.inputs.parameters['nums']}}";

        var references = PlaceholderSyntax.Find(text);

        Assert.Equal(["sum", "nums"], references.Select(r => r.Name));
        Assert.Equal("{{$.inputs.parameters['nums']}}", text.Substring(references[1].Start, references[1].Length));
    }

    [Theory]
    [InlineData("{{$.inputs.parameters[x]}}")]
    [InlineData("{{$.inputs.parameters['x'].uri}}")]
    [InlineData("{{$.nothing}}")]
    [InlineData("{{$.inputs.artifacts['d'].size}}")]
    [InlineData("{{$ }}")]
    [InlineData("{{ $ }}")]
    public void Find_LookAlike_IsNotRecognized(string text) => Assert.Empty(PlaceholderSyntax.Find(text));
}
