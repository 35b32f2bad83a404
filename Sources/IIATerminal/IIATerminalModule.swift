/// Terminal adapter.
public enum IIATerminalModule {}
