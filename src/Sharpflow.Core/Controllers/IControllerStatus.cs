namespace Sharpflow.Core.Controllers;

/// <summary>What the controller manager is doing, for /readyz and diagnostics.</summary>
public interface IControllerStatus
{
    ControllerState State { get; }

    /// <summary>True while this replica runs the controllers.</summary>
    bool IsLeader { get; }

    /// <summary>Started and either running controllers or standing by for the lease.</summary>
    bool IsReady { get; }
}
