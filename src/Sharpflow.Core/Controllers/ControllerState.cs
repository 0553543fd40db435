namespace Sharpflow.Core.Controllers;

public enum ControllerState
{
    /// <summary>The controller manager has not started yet.</summary>
    NotStarted,

    /// <summary>Another replica holds the lease; this one waits to take over.</summary>
    StandingBy,

    /// <summary>Leading (or leader election is off) and listing every object for the first time.</summary>
    Starting,

    /// <summary>Controllers run: initial lists are done and the watch is open.</summary>
    Running,

    Stopped,
}
