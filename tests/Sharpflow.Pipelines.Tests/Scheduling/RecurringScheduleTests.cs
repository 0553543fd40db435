using Sharpflow.Pipelines.Resources;
using Sharpflow.Pipelines.Scheduling;

namespace Sharpflow.Pipelines.Tests.Scheduling;

public sealed class RecurringScheduleTests
{
    private static readonly DateTimeOffset Created = new(2025, 6, 2, 8, 30, 0, TimeSpan.Zero); // a Monday

    [Fact]
    public void Next_CronWithSeconds_IsTheNextOccurrenceAfterTheReference()
    {
        var schedule = Create(new RecurringRunTrigger { CronSchedule = new CronSchedule { Cron = "0 0 9 ? * 2-6" } });

        // Days of week count from Sunday = 0 (robfig/cron, as KFP): 2-6 is Tuesday to Saturday, and 2 June 2025 is a Monday.
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 9, 0, 0, TimeSpan.Zero), schedule.Next(null, Created));
        Assert.Equal(new DateTimeOffset(2025, 6, 4, 9, 0, 0, TimeSpan.Zero), schedule.Next(new DateTimeOffset(2025, 6, 3, 9, 0, 0, TimeSpan.Zero), Created));
    }

    [Fact]
    public void Next_FiveFieldCronAndMacro_AreAccepted()
    {
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 8, 45, 0, TimeSpan.Zero),
            Create(new RecurringRunTrigger { CronSchedule = new CronSchedule { Cron = "*/15 * * * *" } }).Next(null, Created));
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero),
            Create(new RecurringRunTrigger { CronSchedule = new CronSchedule { Cron = "@hourly" } }).Next(null, Created));
    }

    [Fact]
    public void Next_Periodic_IsReferencePlusInterval()
    {
        var schedule = Create(new RecurringRunTrigger { PeriodicSchedule = new PeriodicSchedule { IntervalSecond = 3600 } });

        Assert.Equal(Created.AddHours(1), schedule.Next(null, Created));
        Assert.Equal(Created.AddHours(3), schedule.Next(Created.AddHours(2), Created));
    }

    [Fact]
    public void Next_StartAndEndTime_BoundTheSlots()
    {
        var start = Created.AddDays(1);
        var schedule = Create(new RecurringRunTrigger
        {
            PeriodicSchedule = new PeriodicSchedule { IntervalSecond = 60, StartTime = start, EndTime = start.AddMinutes(2) },
        });

        Assert.Equal(start.AddMinutes(1), schedule.Next(null, Created));
        Assert.Equal(start.AddMinutes(2), schedule.Next(start.AddMinutes(1), Created));
        Assert.Null(schedule.Next(start.AddMinutes(2), Created));
    }

    [Fact]
    public void LatestDue_AfterMissedSlots_IsTheLastSlotNotAfterNow()
    {
        var periodic = Create(new RecurringRunTrigger { PeriodicSchedule = new PeriodicSchedule { IntervalSecond = 60 } });
        var cron = Create(new RecurringRunTrigger { CronSchedule = new CronSchedule { Cron = "0 */10 * * * *" } });
        var now = Created.AddMinutes(35).AddSeconds(20);

        Assert.Equal(Created.AddMinutes(35), periodic.LatestDue(null, Created, now));
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero), cron.LatestDue(null, Created, now));
        Assert.Null(periodic.LatestDue(null, Created, Created.AddSeconds(30)));
    }

    [Theory]
    [InlineData("not a cron", "spec.trigger.cronSchedule.cron")]
    [InlineData("", "spec.trigger.cronSchedule.cron")]
    public void TryCreate_BadCron_NamesTheField(string cron, string field)
    {
        Assert.Null(RecurringSchedule.TryCreate(new RecurringRunTrigger { CronSchedule = new CronSchedule { Cron = cron } }, out var problem));
        Assert.Equal(field, problem?.Field);
    }

    [Fact]
    public void TryCreate_NoScheduleOrBoth_IsRefused()
    {
        Assert.Null(RecurringSchedule.TryCreate(null, out var missing));
        Assert.Equal("spec.trigger", missing?.Field);
        Assert.Null(RecurringSchedule.TryCreate(
            new RecurringRunTrigger { CronSchedule = new CronSchedule { Cron = "@daily" }, PeriodicSchedule = new PeriodicSchedule { IntervalSecond = 1 } },
            out var both));
        Assert.Equal("spec.trigger", both?.Field);
    }

    private static RecurringSchedule Create(RecurringRunTrigger trigger) =>
        RecurringSchedule.TryCreate(trigger, out var problem) ?? throw new InvalidOperationException($"{problem}");
}
