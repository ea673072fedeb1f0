using MoSapi.Client;
using Xunit;

namespace MoSapi.Tests;

public class DateRangeSplitterTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1790000000);

    [Fact]
    public void Exactly_31_days_is_one_window()
    {
        var w = Assert.Single(DateRangeSplitter.Split(T0, T0.AddDays(31)));
        Assert.Equal(T0, w.Start);
        Assert.Equal(T0.AddDays(31), w.End);
    }

    [Fact]
    public void One_second_more_is_two_windows_and_the_second_is_one_second_long()
    {
        var w = DateRangeSplitter.Split(T0, T0.AddDays(31).AddSeconds(1));
        Assert.Equal(2, w.Count);
        Assert.Equal((T0, T0.AddDays(31)), w[0]);
        Assert.Equal((T0.AddDays(31).AddSeconds(1), T0.AddDays(31).AddSeconds(1)), w[1]);
    }

    [Fact]
    public void A_year_is_twelve_windows_without_overlap_or_gap()
    {
        var w = DateRangeSplitter.Split(T0, T0.AddDays(365));
        Assert.Equal(12, w.Count);
        Assert.Equal(T0, w[0].Start);
        Assert.Equal(T0.AddDays(365), w[^1].End);
        for (var i = 0; i < w.Count; i++)
        {
            Assert.True((w[i].End - w[i].Start).TotalSeconds <= 31 * 86400);
            if (i > 0)
            {
                Assert.Equal(w[i - 1].End.AddSeconds(1), w[i].Start);
            }
        }
    }

    [Fact]
    public void An_empty_range_is_one_instant()
    {
        var w = Assert.Single(DateRangeSplitter.Split(T0, T0));
        Assert.Equal(T0, w.Start);
        Assert.Equal(T0, w.End);
    }

    [Fact]
    public void A_reversed_range_goes_to_the_server_unchanged()
    {
        var w = Assert.Single(DateRangeSplitter.Split(T0, T0.AddDays(-1)));
        Assert.Equal(T0, w.Start);
        Assert.Equal(T0.AddDays(-1), w.End);
    }

    [Fact]
    public void Sub_second_parts_are_dropped_to_whole_seconds()
    {
        var w = Assert.Single(DateRangeSplitter.Split(T0.AddMilliseconds(700), T0.AddDays(2).AddMilliseconds(300)));
        Assert.Equal(T0, w.Start);
        Assert.Equal(T0.AddDays(2), w.End);
    }
}
