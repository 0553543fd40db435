namespace Sharpflow.Dashboard.Model;

internal enum StatusTone
{
    Neutral,
    Good,
    Progressing,
    Warning,
    Bad,
}
