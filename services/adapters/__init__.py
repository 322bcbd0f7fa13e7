"""Faust adapters: the agents and services that connect the pure stages to Kafka.

The only modules that import Faust, the codecs, metrics, logging and the runtime on behalf of
the classifier, the correlator and delivery; `services/classifier/` and `services/correlator/`
stay pure (a unit test walks their imports).
"""
