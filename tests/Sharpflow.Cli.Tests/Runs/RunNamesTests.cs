using Sharpflow.Api.Resources;
using Sharpflow.Cli.Runs;

namespace Sharpflow.Cli.Tests.Runs;

public sealed class RunNamesTests
{
    [Theory]
    [InlineData("echo", "echo-")]
    [InlineData("My_Pipeline v2", "my-pipeline-v2-")]
    [InlineData("--odd--", "odd-")]
    [InlineData("__", "run-")]
    public void Generate_PipelineName_GivesAValidNameWithARandomSuffix(string pipeline, string prefix)
    {
        var name = RunNames.Generate(pipeline);

        Assert.StartsWith(prefix, name, StringComparison.Ordinal);
        Assert.Equal(prefix.Length + 5, name.Length);
        Assert.Null(Names.ValidateLabel(name));
    }

    [Fact]
    public void Generate_LongPipelineName_StaysWithinALabel()
    {
        var name = RunNames.Generate(new string('a', 80));

        Assert.Equal(Names.MaxLabelLength, name.Length);
        Assert.Null(Names.ValidateLabel(name));
    }

    [Fact]
    public void Generate_TwiceForOnePipeline_GivesTwoNames()
    {
        Assert.NotEqual(RunNames.Generate("echo"), RunNames.Generate("echo"));
    }
}
