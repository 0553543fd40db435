using System.Text.Json.Nodes;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Api.Serialization;
using Sharpflow.Client;
using Sharpflow.Core.Events;

namespace Sharpflow.E2E.Tests.Infrastructure;

/// <summary>The objects the dashboard tests look at, created through the API as a user would (plus events, as a controller records them).</summary>
internal static class DashboardSeed
{
    public const string OtherNamespace = "team-a";
    public const string ConfigMapName = "app-settings";
    public const string OtherConfigMapName = "team-a-settings";
    public const string PodName = "trainer-0";
    public const string JobName = "mnist-ddp";

    public static IReadOnlyList<ResourceKind> TrainingKinds { get; } =
    [
        new() { Group = "kubeflow.org", Version = "v1", Kind = "TFJob", Plural = "tfjobs" },
        new() { Group = "kubeflow.org", Version = "v1", Kind = "PyTorchJob", Plural = "pytorchjobs" },
    ];

    public static async Task CreateAsync(SharpflowClient client, IEventStore events)
    {
        await client.CreateAsync(Parse($"""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: {OtherNamespace}
            """));
        await client.CreateAsync(Parse($"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {ConfigMapName}
              namespace: default
              labels:
                app: trainer
            data:
              learningRate: "0.01"
              epochs: "20"
            """));
        await client.CreateAsync(Parse($"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {OtherConfigMapName}
              namespace: {OtherNamespace}
            data:
              owner: team-a
            """));
        var pod = await client.CreateAsync(Parse($"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: {PodName}
              namespace: default
              labels:
                app: trainer
            spec:
              containers:
                - name: main
                  image: python:3.12
                  command: ["python", "train.py"]
            """));
        await client.UpdateStatusAsync(pod with
        {
            Status = new JsonObject
            {
                ["phase"] = "Running",
                ["conditions"] = new JsonArray(
                    Condition("PodScheduled", "True", "Scheduled", "Assigned to the local node"),
                    Condition("Ready", "False", "ContainersNotReady", "containers with unready status: [main]")),
            },
        });
        var job = await client.CreateAsync(Parse($"""
            apiVersion: kubeflow.org/v1
            kind: PyTorchJob
            metadata:
              name: {JobName}
              namespace: default
            spec:
              pytorchReplicaSpecs:
                Master:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: pytorch
                          image: pytorch/pytorch:2.3
                          command: ["python", "mnist.py"]
            """));
        await client.UpdateStatusAsync(job with
        {
            Status = new JsonObject
            {
                ["conditions"] = new JsonArray(
                    Condition("Created", "True", "PyTorchJobCreated", "PyTorchJob mnist-ddp is created."),
                    Condition("Running", "True", "PyTorchJobRunning", "PyTorchJob mnist-ddp is running.", minutesAgo: 1)),
            },
        });
        await RecordAsync(events, pod, EventTypes.Normal, "Scheduled", $"Successfully assigned default/{PodName} to local");
        await RecordAsync(events, pod, EventTypes.Normal, "Started", "Started container main");
        await RecordAsync(events, pod, EventTypes.Warning, "Unhealthy", "Readiness probe failed: connection refused");
    }

    public static Resource Parse(string yaml) => ResourceYaml.ToResource(ResourceYaml.ParseObject(yaml));

    private static JsonObject Condition(string type, string status, string reason, string message, int minutesAgo = 2) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["reason"] = reason,
        ["message"] = message,
        ["lastTransitionTime"] = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToString("O"),
    };

    private static Task RecordAsync(IEventStore events, Resource about, string type, string reason, string message) =>
        events.RecordAsync(new ResourceEvent
        {
            InvolvedObject = new InvolvedObject
            {
                ApiVersion = about.ApiVersion,
                Kind = about.Kind,
                Namespace = about.Metadata.Namespace,
                Name = about.Metadata.Name!,
                Uid = about.Metadata.Uid,
            },
            Type = type,
            Reason = reason,
            Message = message,
            Source = "e2e-test",
        });
}
