using Sharpflow.Api.Selectors;
using Sharpflow.Storage.Data;

namespace Sharpflow.Storage.Resources;

/// <summary>Translates selectors into SQL: each label requirement becomes an (NOT) EXISTS on the indexed labels table.</summary>
internal static class ResourceQueries
{
    public static IQueryable<ResourceRow> WhereLabels(this IQueryable<ResourceRow> rows, LabelSelector selector)
    {
        foreach (var requirement in selector.Requirements)
        {
            var key = requirement.Key;
            var value = requirement.Values.Count > 0 ? requirement.Values[0] : string.Empty;
            var values = requirement.Values.ToList();
            rows = requirement.Operator switch
            {
                SelectorOperator.Equals => rows.Where(r => r.Labels.Any(l => l.Key == key && l.Value == value)),
                SelectorOperator.NotEquals => rows.Where(r => !r.Labels.Any(l => l.Key == key && l.Value == value)),
                SelectorOperator.In => rows.Where(r => r.Labels.Any(l => l.Key == key && values.Contains(l.Value))),
                SelectorOperator.NotIn => rows.Where(r => !r.Labels.Any(l => l.Key == key && values.Contains(l.Value))),
                SelectorOperator.Exists => rows.Where(r => r.Labels.Any(l => l.Key == key)),
                SelectorOperator.DoesNotExist => rows.Where(r => !r.Labels.Any(l => l.Key == key)),
                _ => throw new ArgumentOutOfRangeException(nameof(selector), requirement.Operator, "Unknown selector operator."),
            };
        }

        return rows;
    }

    public static IQueryable<ResourceRow> WhereFields(this IQueryable<ResourceRow> rows, FieldSelector selector)
    {
        foreach (var requirement in selector.Requirements)
        {
            var value = requirement.Value;
            var equals = requirement.Operator == SelectorOperator.Equals;
            rows = (requirement.Field, equals) switch
            {
                (FieldSelector.Name, true) => rows.Where(r => r.Name == value),
                (FieldSelector.Name, false) => rows.Where(r => r.Name != value),
                (_, true) => rows.Where(r => r.Namespace == value),
                _ => rows.Where(r => r.Namespace != value),
            };
        }

        return rows;
    }
}
