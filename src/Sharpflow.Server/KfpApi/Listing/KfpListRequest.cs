using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;

namespace Sharpflow.Server.KfpApi.Listing;

/// <summary>
/// The paging, order and filter of a KFP list request (<c>page_size</c> 20 by default, at most 200; <c>page_token</c>;
/// <c>sort_by</c>; <c>filter</c>). With a page token, the order and filter come from the token.
/// </summary>
internal sealed record KfpListRequest<T>(int PageSize, KfpSort Sort, KfpFilter<T> Filter, KfpPageToken? Token)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public static KfpListRequest<T> Read(HttpRequest request, KfpListFields<T> fields)
    {
        var pageSize = PageSizeOf(KfpQuery.String(request, "page_size"));
        var tokenText = KfpQuery.String(request, "page_token");
        if (tokenText is not null)
        {
            var token = KfpPageToken.Decode(tokenText, fields);
            return new KfpListRequest<T>(pageSize, token.Sort, KfpFilter<T>.Parse(token.Filter, fields), token);
        }

        return new KfpListRequest<T>(
            pageSize,
            KfpSort.Parse(KfpQuery.String(request, "sort_by"), fields),
            KfpFilter<T>.Parse(KfpQuery.String(request, "filter"), fields),
            null);
    }

    private static int PageSizeOf(string? text)
    {
        if (text is null)
        {
            return DefaultPageSize;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw KfpErrors.InvalidArgument("page_size", $"\"{text}\" must be a whole number from 0 to {MaxPageSize} (0 for the default of {DefaultPageSize})");
        }

        return size == 0 ? DefaultPageSize : Math.Min(size, MaxPageSize);
    }
}
