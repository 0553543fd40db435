using Sharpflow.Api.Errors;

namespace Sharpflow.Pipelines.Validation;

public static class ValidationProblems
{
    /// <summary>
    /// The 422 the API answers with: one cause per problem, its field the problem's path under
    /// <paramref name="fieldPrefix"/> (e.g. <c>spec.pipelineSpec</c>).
    /// </summary>
    public static ResourceException ToResourceException(
        this IReadOnlyList<ValidationProblem> problems, string kind, string? name, string? fieldPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        return ResourceException.Invalid(kind, name, [.. problems.Select(p => new StatusCause
        {
            Reason = "FieldValueInvalid",
            Field = string.IsNullOrEmpty(fieldPrefix) ? p.Path : $"{fieldPrefix}.{p.Path}",
            Message = p.Message,
        })]);
    }

    /// <summary>Throws the 422 when there is any problem.</summary>
    public static void ThrowIfAny(this IReadOnlyList<ValidationProblem> problems, string kind, string? name, string? fieldPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw problems.ToResourceException(kind, name, fieldPrefix);
        }
    }
}
