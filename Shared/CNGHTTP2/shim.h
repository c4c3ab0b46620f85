#ifndef CSPR_CNGHTTP2_SHIM_H
#define CSPR_CNGHTTP2_SHIM_H
#include <nghttp2/nghttp2.h>

// The transport's other C surface. Swift's Glibc module leaves out epoll and eventfd, so the
// event loop reaches them through this module too.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

// glibc declares accept4 only under _GNU_SOURCE; this is its documented prototype.
int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);
#endif
