namespace Sharpflow.Api.Selectors;

/// <summary>How a selector requirement compares a label or field with its values.</summary>
public enum SelectorOperator
{
    /// <summary><c>key=value</c> or <c>key==value</c>.</summary>
    Equals,

    /// <summary><c>key!=value</c>: also true when the key is absent.</summary>
    NotEquals,

    /// <summary><c>key in (a,b)</c>.</summary>
    In,

    /// <summary><c>key notin (a,b)</c>: also true when the key is absent.</summary>
    NotIn,

    /// <summary><c>key</c>: the key is present with any value.</summary>
    Exists,

    /// <summary><c>!key</c>: the key is absent.</summary>
    DoesNotExist,
}
