using Sharpflow.Runtime.Local.Admission;

namespace Sharpflow.Runtime.Local.Tests.Units;

public sealed class QuantitiesTests
{
    [Theory]
    [InlineData(0L, "0")]
    [InlineData(1000L, "1000")]
    [InlineData(1024L, "1Ki")]
    [InlineData(512L << 20, "512Mi")]
    [InlineData(3L << 29, "1.5Gi")]
    [InlineData(2L << 40, "2Ti")]
    public void Memory_Bytes_UseBinarySuffixes(long bytes, string expected) => Assert.Equal(expected, Quantities.Memory(bytes));

    [Fact]
    public void DescribeShortage_SeveralResourcesShort_NamesEach()
    {
        var need = new Capacity(4000, 2L << 30, 1);

        var message = need.DescribeShortage(new Capacity(2000, 1L << 30, 0));

        Assert.Equal("needs 4000m CPU, 2000m free; needs 2Gi memory, 1Gi free; needs 1 GPU(s), 0 free", message);
    }
}
