package org.taizhang.node;

/** This node may not start beside the nodes already serving the database; the message says why. */
public class NodeRefusedException extends IllegalStateException {
  NodeRefusedException(String message) {
    super(message);
  }
}
