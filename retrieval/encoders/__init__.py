"""The bundled embedding models, run offline: MiniLM (ONNX Runtime, tuned for meetings) and multilingual-e5-small."""
