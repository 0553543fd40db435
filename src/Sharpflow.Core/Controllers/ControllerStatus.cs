namespace Sharpflow.Core.Controllers;

internal sealed class ControllerStatus : IControllerStatus
{
    private volatile int _state;

    public ControllerState State
    {
        get => (ControllerState)_state;
        set => _state = (int)value;
    }

    public bool IsLeader => State is ControllerState.Starting or ControllerState.Running;

    public bool IsReady => State is ControllerState.StandingBy or ControllerState.Running;
}
