using Sharpflow.Core.Controllers;

namespace Sharpflow.Core.Tests.Controllers;

public sealed class ControllerOptionsValidatorTests
{
    private readonly ControllerOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new ControllerOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NamesEveryProblem()
    {
        var result = _validator.Validate(null, new ControllerOptions
        {
            Workers = 0,
            ResyncPeriod = TimeSpan.Zero,
            RenewInterval = TimeSpan.FromSeconds(20),
        });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Workers", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("ResyncPeriod", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("RenewInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RenewIntervalWithoutLeaderElection_IsNotChecked()
    {
        Assert.True(_validator.Validate(null, new ControllerOptions { LeaderElection = false, RenewInterval = TimeSpan.FromHours(1) }).Succeeded);
    }
}
