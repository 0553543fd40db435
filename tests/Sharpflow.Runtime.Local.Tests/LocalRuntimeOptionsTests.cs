using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Tests;

public sealed class LocalRuntimeOptionsTests
{
    private readonly LocalRuntimeOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_NeedOnlyADataDirectory()
    {
        var options = new LocalRuntimeOptions();

        var missing = _validator.Validate(null, options);
        options.DataDirectory = "/tmp/sharpflow";
        var complete = _validator.Validate(null, options);

        Assert.Equal(
            ["LocalRuntime:DataDirectory is empty: set it to a writable directory where workloads keep their state and logs (e.g. ~/.sharpflow)."],
            missing.Failures);
        Assert.True(complete.Succeeded);
        Assert.Equal(Environment.ProcessorCount * 1000L, options.CpuMillis);
        Assert.True(options.MemoryBytes > 0);
        Assert.Equal(0, options.Gpus);
    }

    [Fact]
    public void Validate_BadValues_NamesEachSetting()
    {
        var options = new LocalRuntimeOptions
        {
            DataDirectory = "/tmp/sharpflow",
            CpuMillis = 0,
            MemoryBytes = -1,
            Gpus = -1,
            MonitorInterval = TimeSpan.Zero,
            Images =
            [
                new LocalImageOptions { Image = "python:3.11" },
                new LocalImageOptions { Image = "python:3.11", Executables = { ["python"] = "" } },
                new LocalImageOptions(),
            ],
        };

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Collection(
            failures,
            failure => Assert.StartsWith("LocalRuntime:CpuMillis 0 must be positive", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("LocalRuntime:MemoryBytes -1 must be positive", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("LocalRuntime:Gpus -1", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("LocalRuntime:MonitorInterval", failure, StringComparison.Ordinal),
            failure => Assert.Contains("image \"python:3.11\" is listed twice", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("LocalRuntime:Images:1:Executables:python is empty", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("LocalRuntime:Images:2:Image is empty", failure, StringComparison.Ordinal));
    }

    [Fact]
    public void AddSharpflowLocalRuntime_RegistersRuntimeValidatorAndInitializer()
    {
        var services = new ServiceCollection();

        services.AddSharpflowLocalRuntime(options => options.DataDirectory = "/tmp/sharpflow");

        Assert.Contains(services, d => d.ServiceType == typeof(IWorkloadRuntime) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(LocalProcessRuntime) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<LocalRuntimeOptions>) && d.ImplementationType == typeof(LocalRuntimeOptionsValidator));
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(LocalRuntimeInitializer));
        Assert.Contains(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void AddSharpflowLocalRuntime_InvalidOptions_FailWhenResolved()
    {
        var setups = new[] { new ConfigureOptions<LocalRuntimeOptions>(options => options.Gpus = -2) };
        var factory = new OptionsFactory<LocalRuntimeOptions>(setups, [], [new LocalRuntimeOptionsValidator()]);

        var error = Assert.Throws<OptionsValidationException>(() => factory.Create(Options.DefaultName));

        Assert.Contains(error.Failures, failure => failure.StartsWith("LocalRuntime:DataDirectory is empty", StringComparison.Ordinal));
    }
}
