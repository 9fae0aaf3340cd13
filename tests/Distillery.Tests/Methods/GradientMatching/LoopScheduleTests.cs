using Distillery.Methods.GradientMatching;

namespace Distillery.Tests.Methods.GradientMatching;

public sealed class LoopScheduleTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(10, 10, 50)]
    [InlineData(20, 20, 25)]
    [InlineData(30, 30, 20)]
    [InlineData(40, 40, 15)]
    [InlineData(50, 50, 10)]
    public void TabulatedIpcsUseTheReferenceLoops(int ipc, int outer, int inner) =>
        LoopSchedule.For(ipc).Should().Be(new LoopSchedule(outer, inner));

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(5, 1, 1)]
    [InlineData(6, 10, 50)]
    [InlineData(15, 10, 50)]
    [InlineData(16, 20, 25)]
    [InlineData(45, 40, 15)]
    [InlineData(100, 50, 10)]
    public void OtherIpcsUseTheNearestTabulatedRowTheSmallerOnATie(int ipc, int outer, int inner) =>
        LoopSchedule.For(ipc).Should().Be(new LoopSchedule(outer, inner));

    [Fact]
    public void PositiveOverridesReplaceEitherValue()
    {
        LoopSchedule.For(10, outerOverride: 3).Should().Be(new LoopSchedule(3, 50));
        LoopSchedule.For(10, innerOverride: 2).Should().Be(new LoopSchedule(10, 2));
    }
}
