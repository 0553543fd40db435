namespace Sharpflow.Storage.Data;

internal enum ChangeType
{
    Added = 0,
    Modified = 1,
    Deleted = 2,
}
