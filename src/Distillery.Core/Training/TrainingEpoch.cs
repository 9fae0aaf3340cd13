namespace Distillery.Training;

/// <summary>What one finished training epoch looked like: the learning rate the optimizer used and the mean loss.</summary>
public sealed record TrainingEpoch(int Epoch, double LearningRate, double Loss);
